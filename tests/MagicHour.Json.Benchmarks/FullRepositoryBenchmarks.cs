#if GHES
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using MagicHour.Json.Benchmarks.Stj;
using OurModels = MagicHour.Json.Benchmarks.Ours.Ghes;
using StjModels = MagicHour.Json.Benchmarks.Stj.Ghes;

namespace MagicHour.Json.Benchmarks;

/// <summary>A GHES <c>full-repository</c> (<c>GET /repos/{owner}/{repo}</c>, the spec's example, ~24 KB).</summary>
[BenchmarkCategory("GHES full-repository")]
public class FullRepositoryBenchmarks : JsonBenchmarks<OurModels.FullRepository, StjModels.FullRepository>
{
    protected override byte[] Payload => Payloads.FullRepository;

    protected override JsonTypeInfo<StjModels.FullRepository> StjTypeInfo => StjContext.Default.FullRepository;
}
#endif
