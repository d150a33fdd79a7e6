using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using MagicHour.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace MagicHour.Emulator.Http;

/// <summary>POST /v1/files/upload-urls: hands out pre-signed upload URLs.</summary>
internal sealed class UploadUrlsHandler(EmulatorContext emulator)
{
    public async Task HandleAsync(HttpContext context)
    {
        using JsonDocument? body = await HttpJson.ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        string? problem = emulator.Spec.Validator.Validate(body.RootElement, emulator.Spec.UploadUrlsSchema);
        if (problem is not null)
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, problem).ConfigureAwait(false);
            return;
        }

        var requested = new List<(string Type, string Extension)>();
        int index = 0;
        foreach (JsonElement item in body.RootElement.GetProperty("items").EnumerateArray())
        {
            string type = item.GetProperty("type").GetString()!;
            string extension = item.GetProperty("extension").GetString()!;
            if (!emulator.Spec.UploadExtensions.TryGetValue(type, out IReadOnlySet<string>? valid) || !valid.Contains(extension))
            {
                string field = $"items[{index.ToString(CultureInfo.InvariantCulture)}].extension";
                await HttpJson.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, $"{field}: '{extension}' is an invalid {type} extension")
                    .ConfigureAwait(false);
                return;
            }

            requested.Add((type, extension));
            index++;
        }

        string batchId = TokenGenerator.NewId();
        var slots = new List<UploadSlot>(requested.Count);
        for (int i = 0; i < requested.Count; i++)
        {
            slots.Add(emulator.Uploads.CreateSlot(batchId, i, requested[i].Type, requested[i].Extension));
        }

        await HttpJson.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (UploadSlot slot in slots)
            {
                writer.WriteStartObject();
                writer.WriteString("upload_url", UploadUrl(slot));
                writer.WriteString("expires_at", Timestamps.Format(slot.ExpiresAt));
                writer.WriteString("file_path", slot.FilePath);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private string UploadUrl(UploadSlot slot) =>
        new Uri(emulator.AssetBaseAddress, "uploads/" + slot.FilePath + "?sig=" + slot.Signature).AbsoluteUri;
}
