using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using MagicHour.Json.Benchmarks.Stj;
using OurModels = MagicHour.Json.Benchmarks.Ours.MagicHourApi;
using StjModels = MagicHour.Json.Benchmarks.Stj.MagicHourApi;

namespace MagicHour.Json.Benchmarks;

/// <summary>A Magic Hour project (<c>GET /v1/image-projects/{id}</c>, the spec's example).</summary>
[BenchmarkCategory("MagicHour project")]
public class ImageProjectBenchmarks : JsonBenchmarks<OurModels.ImageProjectsGetResponse, StjModels.ImageProject>
{
    protected override byte[] Payload => Payloads.ImageProject;

    protected override JsonTypeInfo<StjModels.ImageProject> StjTypeInfo => StjContext.Default.ImageProject;
}
