#ifndef KG_CLIBXML2_SHIM_H
#define KG_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its headers then pull in ICU's, whose
// UErrorCode clashes with the copy Foundation sees ("'UErrorCode' has different
// definitions in different modules"). kg uses no ICU-specific API, so the
// switch is turned off before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>

// xmlFree is a global function pointer, which Swift 6 refuses to read from a
// concurrent context; this wrapper reads it in C.
static inline void kg_xmlFree(void *p) { xmlFree(p); }

// A generic error handler that prints nothing (kg turns libxml2's errors into Swift errors).
static inline void kg_silentGenericErrorImpl(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static const xmlGenericErrorFunc kg_silentGenericError = kg_silentGenericErrorImpl;
#endif
