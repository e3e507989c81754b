// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kg",
    products: [
        .executable(name: "kg", targets: ["kg"]),
        .library(name: "KnowledgeGraph", targets: ["KnowledgeGraph"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "Serialization", targets: ["Serialization"]),
        .library(name: "Syntax", targets: ["Syntax"]),
        // For the fuzz harnesses of Fuzz/ (the RDF/XML graph reader).
        .library(name: "Corpus", targets: ["Corpus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libxml2's C API, through pkg-config. Only XMLSupport imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The one module that touches libxml2: a streaming writer and a safe reader.
        .target(name: "XMLSupport", dependencies: ["CLibXML2"]),
        // SQLite's C API, through pkg-config. Only SQLiteSupport imports it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The one module that touches SQLite: connections, prepared statements, transactions.
        .target(name: "SQLiteSupport", dependencies: ["CSQLite"]),
        // Data model and in-memory indexed graph. No I/O.
        .target(name: "KnowledgeGraph"),
        // Loads ontology/: the OWL relations, the lexicon and the gazetteer.
        .target(name: "Ontology", dependencies: ["KnowledgeGraph", "XMLSupport"]),
        // The extraction pipeline: sentences, tokens, actors, coreference, relations.
        .target(name: "Extraction", dependencies: ["KnowledgeGraph", "Ontology", "Syntax"]),
        // RDF/XML, GraphML and JSON Lines serializers.
        .target(name: "Serialization", dependencies: ["KnowledgeGraph", "Ontology", "XMLSupport"]),
        // Name resolution and graph queries (patterns, paths, stats).
        .target(name: "Query", dependencies: ["KnowledgeGraph", "Ontology"]),
        // The persistent graph store: a SQLite file that grows document by document (schema, views).
        .target(name: "Store", dependencies: ["KnowledgeGraph", "SQLiteSupport"]),
        // Every command's input: folder walking, news (text, HTML pages, JSON Lines documents) and
        // kg graphs (RDF/XML, Turtle, N-Triples, N-Quads, JSON Lines), parallel extraction, merging.
        .target(name: "Corpus", dependencies: ["KnowledgeGraph", "Ontology", "Extraction", "XMLSupport", "Store"]),
        // Part-of-speech tagger and dependency parser (UD English): model bytes in, analyses out. No I/O.
        // The tagger and parser are optimized in debug builds too: unoptimized, every test that
        // runs kg on a text spends seconds loading and running the model.
        .target(name: "Syntax", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Trains, evaluates and benchmarks the syntax model (never a test).
        .executableTarget(name: "kg-train-syntax", dependencies: ["Syntax"]),
        .executableTarget(
            name: "kg",
            dependencies: [
                "KnowledgeGraph", "Ontology", "Extraction", "Serialization", "Corpus", "Query", "Store", "Syntax",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources/xi-putin-2022-12-30.txt")]
        ),
        // Benchmarks of the graph core and the XML exports (run by scripts/bench/bench.py; never a test).
        .executableTarget(name: "kg-bench", dependencies: ["KnowledgeGraph", "Serialization", "XMLSupport"], path: "Benchmarks/kg-bench"),
        // Temporary folders of the tests, removed when the test process exits.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport", "TestSupport"]),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph"]),
        .testTarget(name: "OntologyTests", dependencies: ["Ontology", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Ontology", "Syntax"]),
        .testTarget(name: "SerializationTests", dependencies: ["Serialization", "Extraction", "Ontology", "Syntax", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "Extraction", "Ontology", "Serialization", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "SQLiteSupport", "Corpus", "Extraction", "Ontology", "Serialization", "XMLSupport", "TestSupport"]),
        .testTarget(name: "SyntaxTests", dependencies: ["Syntax", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QueryTests", dependencies: ["Query", "Corpus", "Serialization", "Extraction", "Ontology", "TestSupport"]),
    ]
)
