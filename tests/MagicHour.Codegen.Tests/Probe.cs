using System.IO;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MagicHour.Codegen.Tests;

public class Probe(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        foreach (string spec in new[] { RepositoryPaths.Spec, Path.Combine(RepositoryPaths.MagicHourSpecs, "openapi-latest.json") })
        {
            GenerationResult result = GeneratorHarness.RunFile(spec);
            output.WriteLine($"{spec}: {result.Sources.Count} files, exception={result.GeneratorException}");
            foreach (var d in result.GeneratorDiagnostics) output.WriteLine("GEN " + d);
            foreach (var d in result.CompileProblems.Take(30)) output.WriteLine("CS " + d);
            string dir = "/tmp/gen/" + Path.GetFileNameWithoutExtension(spec);
            Directory.CreateDirectory(dir);
            foreach (var s in result.Sources) File.WriteAllText(Path.Combine(dir, s.HintName), s.SourceText.ToString());
        }
    }
}
