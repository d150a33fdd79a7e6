using System.Collections.Generic;

namespace MagicHour.Emulator.Spec;

/// <summary>One model's entry of the spec's <c>x-model-info</c> extension.</summary>
internal sealed record ModelInfo(
    string Name,
    long CreditsPerImage,
    IReadOnlyList<int> ImageCounts,
    IReadOnlyList<string>? Resolutions,
    IReadOnlyList<string> Tiers,
    int? MaxAdditionalImages);
