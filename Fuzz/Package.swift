// swift-tools-version:6.0
// libFuzzer harnesses for kg. A separate package: the main package never depends on it.
// Build and run with scripts/dev/fuzz.sh (needs -sanitize=fuzzer,address, see there).
import PackageDescription

let package = Package(
    name: "kg-fuzz",
    dependencies: [
        .package(name: "kg", path: ".."),
    ],
    targets: [
        // Declares LLVMFuzzerRunDriver for the harnesses' entry points.
        .target(name: "FuzzDriver"),
        // The extraction pipeline (tokenizer → sentences → actors → relations) and every
        // serializer, on arbitrary bytes decoded like `kg extract` decodes a file.
        .executableTarget(
            name: "FuzzExtractor",
            dependencies: [
                "FuzzDriver",
                .product(name: "Extraction", package: "kg"),
                .product(name: "Serialization", package: "kg"),
                .product(name: "Syntax", package: "kg"),
            ]
        ),
        // XMLDocumentParser (the safe DOM reader used for ontology/kg.owl) on arbitrary bytes.
        .executableTarget(
            name: "FuzzXMLParser",
            dependencies: [
                "FuzzDriver",
                .product(name: "Serialization", package: "kg"),
            ]
        ),
        // `kg parse`: tokenizer → UD words → tagger and parser, the CoNLL-U reader and writer,
        // and the model reader, on arbitrary bytes.
        .executableTarget(
            name: "FuzzParser",
            dependencies: [
                "FuzzDriver",
                .product(name: "Extraction", package: "kg"),
                .product(name: "Syntax", package: "kg"),
            ]
        ),
        // The Query module is not a product of kg: Sources/FuzzQuery is a symbolic link to
        // ../Sources/Query, built here as a module of its own name.
        .target(
            name: "FuzzQuery",
            dependencies: [
                .product(name: "Serialization", package: "kg"),
            ]
        ),
        // RDFXMLGraphReader (kg's RDF/XML read back through XMLStreamReader) on arbitrary bytes.
        .executableTarget(
            name: "FuzzRDFXMLReader",
            dependencies: [
                "FuzzDriver",
                "FuzzQuery",
                .product(name: "Serialization", package: "kg"),
                .product(name: "Corpus", package: "kg"),
            ]
        ),
    ]
)
