using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Http.Policies;

namespace MagicHour.Runtime;

/// <summary>Turns a failed response into a <see cref="MagicHourApiException"/>.</summary>
internal static class ErrorResponses
{
    // An error body is a short JSON object; anything longer is not read in full.
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<MagicHourApiException> CreateAsync(
        HttpResponseMessage response, string operation, ApiKeyCredential? credential, CancellationToken cancellationToken)
    {
        string? serverMessage = credential is null
            ? await ReadServerMessageAsync(response, cancellationToken).ConfigureAwait(false)
            : credential.Redact(await ReadServerMessageAsync(response, cancellationToken).ConfigureAwait(false));
        MagicHourErrorKind kind = MagicHourApiException.KindOf(response.StatusCode);
        int status = (int)response.StatusCode;
        string message = $"{operation} failed with {status} ({response.StatusCode}){(serverMessage is null ? "." : $": {serverMessage}")}{Hint(kind)}";
        return new MagicHourApiException(kind, message, response.StatusCode, serverMessage, operation, RequestIdOf(response))
        {
            RetryAfter = RetryPolicy.RetryAfterOf(response),
        };
    }

    public static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (string name in (ReadOnlySpan<string>)["x-request-id", "request-id", "x-amzn-requestid"])
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                return string.Join(",", values);
            }
        }

        return null;
    }

    private static string Hint(MagicHourErrorKind kind) => kind switch
    {
        MagicHourErrorKind.Unauthorized => " Check the API key.",
        MagicHourErrorKind.PaymentRequired => " The account is out of credits.",
        MagicHourErrorKind.RateLimited => " Too many requests, even after retrying.",
        _ => "",
    };

    private static async Task<string?> ReadServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            byte[] buffer = new byte[MaxErrorBodyBytes];
            int length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            using JsonDocument document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out JsonElement message)
                && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or HttpRequestException)
        {
            return null;
        }
    }
}
