using System;
using System.Collections.Generic;
using System.Text.Json;
using MagicHour.Runtime.Json;

namespace MagicHour.Runtime.Projects;

/// <summary>What a poll of an image, video or audio project returned, reduced to what waiting and downloading need.</summary>
/// <param name="Id">The project's id.</param>
/// <param name="Status">The status as the server sent it; see <see cref="ProjectStatus"/>.</param>
/// <param name="Enabled">False once the project was deleted.</param>
/// <param name="CreditsCharged">Credits taken, net of refunds, when reported.</param>
/// <param name="Downloads">The output URLs, filled once the project is complete.</param>
/// <param name="ErrorCode">The project's error code when it failed.</param>
/// <param name="ErrorMessage">The project's error message when it failed.</param>
public sealed record ProjectSnapshot(
    string Id,
    string Status,
    bool Enabled,
    int? CreditsCharged,
    IReadOnlyList<Uri> Downloads,
    string? ErrorCode,
    string? ErrorMessage)
{
    /// <summary>
    /// Reads the JSON of <c>GET /v1/image-projects/{id}</c> (and the video and audio equivalents), skipping the
    /// properties it does not need. <c>id</c> and <c>status</c> are required.
    /// </summary>
    public static ProjectSnapshot ReadJson(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "a project");
        string? id = null;
        string? status = null;
        bool enabled = true;
        int? credits = null;
        List<Uri> downloads = [];
        string? errorCode = null;
        string? errorMessage = null;
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            JsonSupport.Expect(ref reader, JsonTokenType.PropertyName, "a property of a project");
            if (reader.ValueTextEquals("id"u8))
            {
                JsonSupport.Read(ref reader);
                id = JsonSupport.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                JsonSupport.Read(ref reader);
                status = JsonSupport.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("enabled"u8))
            {
                JsonSupport.Read(ref reader);
                enabled = JsonSupport.ReadBoolean(ref reader);
            }
            else if (reader.ValueTextEquals("credits_charged"u8))
            {
                JsonSupport.Read(ref reader);
                credits = reader.TokenType == JsonTokenType.Null ? null : JsonSupport.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("downloads"u8))
            {
                JsonSupport.Read(ref reader);
                if (reader.TokenType != JsonTokenType.Null)
                {
                    downloads = JsonSupport.ReadArray(ref reader, ReadDownloadUrl);
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                JsonSupport.Read(ref reader);
                if (reader.TokenType != JsonTokenType.Null)
                {
                    (errorCode, errorMessage) = ReadError(ref reader);
                }
            }
            else
            {
                JsonSupport.SkipValue(ref reader);
            }
        }

        return new ProjectSnapshot(
            id ?? throw JsonSupport.MissingProperty("a project", "id"),
            status ?? throw JsonSupport.MissingProperty("a project", "status"),
            enabled,
            credits,
            downloads,
            errorCode,
            errorMessage);
    }

    private static Uri ReadDownloadUrl(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "a download");
        Uri? url = null;
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return url ?? throw JsonSupport.MissingProperty("a download", "url");
            }

            if (reader.ValueTextEquals("url"u8))
            {
                JsonSupport.Read(ref reader);
                url = JsonSupport.ReadUri(ref reader);
            }
            else
            {
                JsonSupport.SkipValue(ref reader);
            }
        }
    }

    private static (string? Code, string? Message) ReadError(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "a project error");
        string? code = null;
        string? message = null;
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return (code, message);
            }

            if (reader.ValueTextEquals("code"u8))
            {
                JsonSupport.Read(ref reader);
                code = reader.TokenType == JsonTokenType.Null ? null : JsonSupport.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                JsonSupport.Read(ref reader);
                message = reader.TokenType == JsonTokenType.Null ? null : JsonSupport.ReadString(ref reader);
            }
            else
            {
                JsonSupport.SkipValue(ref reader);
            }
        }
    }
}
