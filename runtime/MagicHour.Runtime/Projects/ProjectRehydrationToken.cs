using System;
using System.ClientModel;
using System.IO;
using System.Text.Json;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// What it takes to follow a project again, in another process or a new client: its id and the status operation that
/// reads it. Its bytes are a small JSON object, e.g. <c>{"projectId":"abc","statusOperationId":"imageProjects.getDetails"}</c>.
/// </summary>
internal sealed class ProjectRehydrationToken : ContinuationToken
{
    public ProjectRehydrationToken(string projectId, string statusOperationId)
    {
        ProjectId = projectId;
        StatusOperationId = statusOperationId;
    }

    public string ProjectId { get; }

    public string StatusOperationId { get; }

    public override BinaryData ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("projectId", ProjectId);
            writer.WriteString("statusOperationId", StatusOperationId);
            writer.WriteEndObject();
        }

        return new BinaryData(buffer.ToArray());
    }

    /// <summary>Reads a token made by <see cref="ToBytes"/> (in this process or another).</summary>
    /// <exception cref="ArgumentException">The token is not one of a project.</exception>
    public static ProjectRehydrationToken FromToken(ContinuationToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token is ProjectRehydrationToken project)
        {
            return project;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(token.ToBytes().ToMemory());
            JsonElement root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("projectId", out JsonElement id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString())
                && root.TryGetProperty("statusOperationId", out JsonElement operation) && operation.ValueKind == JsonValueKind.String
                ? new ProjectRehydrationToken(id.GetString()!, operation.GetString()!)
                : throw NotAProjectToken(null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw NotAProjectToken(ex);
        }
    }

    private static ArgumentException NotAProjectToken(Exception? inner) =>
        new("The rehydration token is not one of a Magic Hour project operation (its bytes are not {\"projectId\":…,\"statusOperationId\":…}).", "token", inner);
}
