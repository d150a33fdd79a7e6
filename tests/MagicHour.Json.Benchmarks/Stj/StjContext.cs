using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj;

/// <summary>
/// System.Text.Json's source generator over the hand-written classes. The same contract as the generated converters:
/// required properties must be present (<c>[JsonRequired]</c>), a null where the type does not allow one is an error
/// (<see cref="JsonSourceGenerationOptionsAttribute.RespectNullableAnnotations"/>), optional properties that are null are
/// left out when writing, required ones are written as null.
/// </summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true)]
[JsonSerializable(typeof(MagicHourApi.ImageProject))]
[JsonSerializable(typeof(Ghes.FullRepository))]
internal sealed partial class StjContext : JsonSerializerContext;
