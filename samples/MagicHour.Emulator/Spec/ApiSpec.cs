using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MagicHour.Emulator.Spec;

/// <summary>The rules of the embedded <c>openapi.json</c> that the emulator enforces.</summary>
internal sealed class ApiSpec
{
    public const string UploadUrlsPath = "/v1/files/upload-urls";
    public const string ImageProjectsPath = "/v1/image-projects/";
    public const string ImageEditorPath = "/v1/ai-image-editor";
    public const string ImageGeneratorPath = "/v1/ai-image-generator";

    // The spec lets "default" mean "the recommended model" without naming it. The emulator pins the
    // model each operation's own request example uses: nano-banana for the editor (50 credits/image)
    // and flux-schnell for the generator (5 credits/image). Checked against x-model-info at startup.
    private const string DefaultEditorModel = "nano-banana";
    private const string DefaultGeneratorModel = "flux-schnell";

    private static readonly Lazy<ApiSpec> EmbeddedSpec = new(LoadEmbedded);

    private ApiSpec(JsonElement root)
    {
        Root = root;
        UploadUrlsSchema = RequestSchema(UploadUrlsPath);
        EditorSchema = RequestSchema(ImageEditorPath);
        GeneratorSchema = RequestSchema(ImageGeneratorPath);
        EditorModels = ModelCatalog.Read(EditorSchema.GetProperty("properties").GetProperty("model"), DefaultEditorModel);
        GeneratorModels = ModelCatalog.Read(GeneratorSchema.GetProperty("properties").GetProperty("model"), DefaultGeneratorModel);
        UploadExtensions = ReadUploadExtensions(Operation(UploadUrlsPath, "post"));
        Validator = new SchemaValidator(this);
    }

    public static ApiSpec Embedded => EmbeddedSpec.Value;

    public JsonElement Root { get; }

    public JsonElement UploadUrlsSchema { get; }

    public JsonElement EditorSchema { get; }

    public JsonElement GeneratorSchema { get; }

    public ModelCatalog EditorModels { get; }

    public ModelCatalog GeneratorModels { get; }

    /// <summary>Valid extensions per asset type, from the upload-urls description.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> UploadExtensions { get; }

    public SchemaValidator Validator { get; }

    public static ApiSpec Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return new ApiSpec(document.RootElement.Clone());
    }

    /// <summary>Follows a local <c>$ref</c> such as <c>#/components/schemas/ProjectError</c>.</summary>
    public JsonElement ResolveReference(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported: {reference}");
        }

        JsonElement current = Root;
        foreach (string part in reference[2..].Split('/'))
        {
            current = current.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return current;
    }

    private static ApiSpec LoadEmbedded()
    {
        Assembly assembly = typeof(ApiSpec).Assembly;
        using Stream stream = assembly.GetManifestResourceStream("openapi.json")
            ?? throw new InvalidOperationException("The embedded resource 'openapi.json' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private JsonElement Operation(string path, string method) => Root.GetProperty("paths").GetProperty(path).GetProperty(method);

    private JsonElement RequestSchema(string path)
    {
        JsonElement schema = Operation(path, "post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema");
        return schema.TryGetProperty("$ref", out JsonElement reference) ? ResolveReference(reference.GetString()!) : schema;
    }

    // The description carries lines such as "- image: png, jpg, jpeg" under "Valid file extensions per asset type".
    private static Dictionary<string, IReadOnlySet<string>> ReadUploadExtensions(JsonElement operation)
    {
        string description = operation.GetProperty("description").GetString() ?? "";
        int start = description.IndexOf("Valid file extensions", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            throw new InvalidOperationException("The upload-urls description no longer lists the valid extensions.");
        }

        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (Match line in Regex.Matches(description[start..], @"^-\s*(?<type>[a-z]+)\s*:\s*(?<list>.+)$", RegexOptions.Multiline))
        {
            result[line.Groups["type"].Value] = line.Groups["list"].Value
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.Ordinal);
        }

        return result;
    }
}
