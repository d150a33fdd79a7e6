using System.Text.Json;
using MagicHour.Runtime.Json;
using MagicHour.Runtime.Projects;

namespace MagicHour.Runtime.Tests.Support;

/// <summary>
/// An image project read by hand from <c>GET /v1/image-projects/{id}</c>, as the generated type and its adapter do
/// (the tests restate the spec; the runtime does not).
/// </summary>
public sealed record TestProject(
    string Id,
    string Status,
    bool Enabled,
    int? CreditsCharged,
    IReadOnlyList<string> Downloads,
    string? ErrorCode,
    string? ErrorMessage)
{
    /// <summary>What the generated adapter hands the runtime.</summary>
    public ProjectState State => new(Id, Status, Enabled, CreditsCharged, Downloads, ErrorCode, ErrorMessage);

    public IReadOnlyList<Uri> DownloadUris => Downloads.Select(url => new Uri(url)).ToList();

    public static TestProject ReadJson(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "a project");
        string? id = null;
        string? status = null;
        bool enabled = true;
        int? credits = null;
        List<string> downloads = [];
        string? errorCode = null;
        string? errorMessage = null;
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            string name = reader.GetString()!;
            JsonSupport.Read(ref reader);
            switch (name)
            {
                case "id":
                    id = JsonSupport.ReadString(ref reader);
                    break;
                case "status":
                    status = JsonSupport.ReadString(ref reader);
                    break;
                case "enabled":
                    enabled = JsonSupport.ReadBoolean(ref reader);
                    break;
                case "credits_charged":
                    credits = reader.TokenType == JsonTokenType.Null ? null : JsonSupport.ReadInt32(ref reader);
                    break;
                case "created_at":
                    // Read as the generated type reads it, so that a value it rejects is rejected here too.
                    JsonSupport.ReadDateTimeOffset(ref reader);
                    break;
                case "downloads":
                    downloads = JsonSupport.ReadArray(ref reader, static (ref Utf8JsonReader item) => ReadStrings(ref item).GetValueOrDefault("url") ?? "");
                    break;
                case "error" when reader.TokenType != JsonTokenType.Null:
                    Dictionary<string, string?> error = ReadStrings(ref reader);
                    errorCode = error.GetValueOrDefault("code");
                    errorMessage = error.GetValueOrDefault("message");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new TestProject(
            id ?? throw JsonSupport.MissingProperty("a project", "id"),
            status ?? throw JsonSupport.MissingProperty("a project", "status"),
            enabled,
            credits,
            downloads,
            errorCode,
            errorMessage);
    }

    /// <summary>The string properties of a flat object; the others are skipped.</summary>
    public static Dictionary<string, string?> ReadStrings(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "an object");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return values;
            }

            string name = reader.GetString()!;
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.String)
            {
                values[name] = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
