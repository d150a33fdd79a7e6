using MagicHour.Codegen.Benchmarks;

// Our generator side by side with NSwag on the same OpenAPI documents: generation (cold, warm, incremental), size of the
// output, and compiling each tool's output. See README.md, "Benchmarks".
//
// Usage: dotnet run -c Release --project tests/MagicHour.Codegen.Benchmarks -- compare [options] [documents...]
//   documents     OpenAPI files (.json or .json.gz); default: spec/openapi.json and, from ../shared/specs,
//                 magichour/openapi-latest.json and large/ghes-3.17.json.gz (those not found are skipped, and said so)
//   --cold N      fresh processes per cold generation figure, ours and NSwag's alternately (default 5)
//   --warm N      runs per warm or incremental generator figure (default 5; whitespace edits: at most 3)
//   --compile N   warm compilations per output, ours and NSwag's alternately (default 5, after one uncounted each)
//   --no-nswag    our figures only (NSwag needs npm and network access the first time)
//   --nswag-arg A one more argument for NSwag's openapi2csclient, e.g. /GenerateDefaultValues:false (repeatable)
//   --keep        keep the generated code (the folder is printed; NSwag's as emitted in nswag/, repaired in nswag-repaired/)
// The table goes to standard output, progress to standard error.
SdkCompiler.Use();
return args switch
{
    ["child-generate", string path] => GeneratorMeasure.ColdChild(path),
    ["child-compile", string kind, string directory] => CompileMeasure.ColdChild(kind, directory),
    ["compare", .. var rest] => CompareCommand.Run(CompareOptions.Parse(rest), args),
    _ => CompareCommand.Run(CompareOptions.Parse(args), args),
};
