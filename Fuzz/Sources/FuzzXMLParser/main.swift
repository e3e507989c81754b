// libFuzzer harness: XMLDocumentParser.parse(bytes:) on arbitrary input.
// XMLSupport is not a product of the main package; it is reachable here as a transitive
// dependency of Serialization, whose module files SwiftPM puts on the import path.
import FuzzDriver
import XMLSupport

/// The program's entry point (see FuzzDriver.h): runs libFuzzer with `fuzz` as the target.
@_cdecl("FuzzXMLParser_main")
public func fuzzXMLParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return fuzz(UnsafePointer(bitPattern: 1)!, 0) }
        return fuzz(data, size)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let root = try XMLDocumentParser.parse(bytes: bytes, source: "fuzz")
        // Walk the tree so every converted string is touched.
        var stack = [root]
        var count = 0
        while let node = stack.popLast() {
            count += node.name.utf8.count + node.text.utf8.count + node.attributes.count
            stack.append(contentsOf: node.children)
        }
        if count < 0 { fatalError("unreachable") }
    } catch let error as XMLError {
        // Every refusal must carry a message.
        if error.message.isEmpty { fatalError("XMLError without a message") }
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}
