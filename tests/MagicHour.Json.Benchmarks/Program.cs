using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MagicHour.Json.Benchmarks;
using MagicHour.Json.Benchmarks.Stj;

// JSON read/write: the generated converters against System.Text.Json's source generator over hand-written classes,
// on a Magic Hour project and (when ../shared was there at build time) a GHES full repository.
// Usage: dotnet run -c Release --project tests/MagicHour.Json.Benchmarks [-- --check | BenchmarkDotNet options]
//   --check  only verify that both serializers read and write the payloads to the same data (done before every run)
//   without --job, a short in-process job (3 warm-ups, 3 iterations; the machine is small and shared): add
//   e.g. --job default for tighter figures.
var benchmarks = new List<Type> { typeof(ImageProjectBenchmarks) };
EquivalenceCheck.Verify("Magic Hour image project", Payloads.ImageProject, new OurJson<MagicHour.Json.Benchmarks.Ours.MagicHourApi.ImageProjectsGetResponse>(), StjContext.Default.ImageProject);
#if GHES
EquivalenceCheck.Verify("GHES full repository", Payloads.FullRepository, new OurJson<MagicHour.Json.Benchmarks.Ours.Ghes.FullRepository>(), StjContext.Default.FullRepository);
benchmarks.Add(typeof(FullRepositoryBenchmarks));
#else
Console.WriteLine("GHES full repository: left out (../shared/specs/large/ghes-3.17.json.gz was not there when this program was built).");
#endif

if (args.Contains("--check"))
{
    return 0;
}

IConfig config = DefaultConfig.Instance;
if (!args.Contains("--job"))
{
    config = config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"));
}

// Every benchmark by default, in one summary table.
string[] switches = args.Contains("--filter") ? args : args.Concat(new[] { "--filter", "*" }).ToArray();
switches = switches.Contains("--join") ? switches : switches.Append("--join").ToArray();
BenchmarkSwitcher.FromTypes(benchmarks.ToArray()).Run(switches, config);
return 0;
