#ifndef KG_FUZZ_DRIVER_H
#define KG_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>
// libFuzzer's entry point for programs that have their own main. SwiftPM links executables
// with `--defsym main=TARGET_main`, so libFuzzer's main is never linked in; each harness
// defines TARGET_main and hands control to libFuzzer through this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
#endif
