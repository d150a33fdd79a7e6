using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MagicHour.Emulator.Spec;

/// <summary>The models one create operation accepts, read from its <c>model</c> property.</summary>
internal sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelInfo> _models;
    private readonly Dictionary<string, string> _deprecatedAliases;

    private ModelCatalog(string defaultModel, Dictionary<string, ModelInfo> models, Dictionary<string, string> deprecatedAliases)
    {
        DefaultModel = defaultModel;
        _models = models;
        _deprecatedAliases = deprecatedAliases;
    }

    /// <summary>The model used for <c>"default"</c> or when no model is given.</summary>
    public string DefaultModel { get; }

    public IReadOnlyCollection<string> ModelNames => _models.Keys;

    /// <summary>Reads the catalog from the schema of the operation's <c>model</c> property.</summary>
    public static ModelCatalog Read(JsonElement modelSchema, string defaultModel)
    {
        var models = new Dictionary<string, ModelInfo>(StringComparer.Ordinal);
        foreach (JsonProperty model in modelSchema.GetProperty("x-model-info").EnumerateObject())
        {
            JsonElement info = model.Value;
            models[model.Name] = new ModelInfo(
                model.Name,
                info.GetProperty("credits_per_image").GetInt64(),
                info.GetProperty("image_counts").EnumerateArray().Select(count => count.GetInt32()).ToArray(),
                info.TryGetProperty("resolutions", out JsonElement resolutions)
                    ? resolutions.EnumerateArray().Select(resolution => resolution.GetString()!).ToArray()
                    : null,
                info.TryGetProperty("tiers", out JsonElement tiers)
                    ? tiers.EnumerateArray().Select(tier => tier.GetString()!).ToArray()
                    : Array.Empty<string>(),
                info.TryGetProperty("max_additional_images", out JsonElement maxAdditional) ? maxAdditional.GetInt32() : null);
        }

        if (!models.ContainsKey(defaultModel))
        {
            throw new InvalidOperationException($"The emulator's default model '{defaultModel}' is not in the spec's x-model-info.");
        }

        // Deprecated enum values have no x-model-info; the description names their replacement:
        // "- `seedream` - Use `seedream-v4` instead."
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        string description = modelSchema.TryGetProperty("description", out JsonElement text) ? text.GetString() ?? "" : "";
        foreach (Match match in Regex.Matches(description, @"-\s*`(?<old>[^`]+)`\s*-\s*Use\s*`(?<new>[^`]+)`\s*instead"))
        {
            string replacement = match.Groups["new"].Value;
            if (models.ContainsKey(replacement))
            {
                aliases[match.Groups["old"].Value] = replacement;
            }
        }

        return new ModelCatalog(defaultModel, models, aliases);
    }

    /// <summary>Finds the model a request names; "default" and null give <see cref="DefaultModel"/>.</summary>
    public ModelInfo? Find(string? requested)
    {
        if (requested is null || requested == "default")
        {
            return _models[DefaultModel];
        }

        if (_models.TryGetValue(requested, out ModelInfo? model))
        {
            return model;
        }

        return _deprecatedAliases.TryGetValue(requested, out string? replacement) ? _models[replacement] : null;
    }
}
