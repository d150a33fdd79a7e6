using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Http;

namespace MagicHour.Runtime;

/// <summary>Turns a failed response, whose body the transport already read, into a <see cref="MagicHourApiException"/>.</summary>
internal static class ErrorResponses
{
    public static async Task<MagicHourApiException> CreateAsync(
        HttpResponseMessage response, string operation, ApiKeyCredential credential, CancellationToken cancellationToken)
    {
        string? serverMessage = credential.Redact(await ReadServerMessageAsync(response, cancellationToken).ConfigureAwait(false));
        MagicHourErrorKind kind = MagicHourApiException.KindOf(response.StatusCode);
        int status = (int)response.StatusCode;
        string message = $"{operation} failed with {status} ({response.StatusCode}){(serverMessage is null ? "." : $": {serverMessage}")}{Hint(kind)}";
        return new MagicHourApiException(kind, message, response.StatusCode, serverMessage, operation, credential.Redact(ResponseHeaders.RequestIdOf(response)))
        {
            RetryAfter = ResponseHeaders.RetryAfterOf(response),
        };
    }

    private static string Hint(MagicHourErrorKind kind) => kind switch
    {
        MagicHourErrorKind.Unauthorized => " Check the API key.",
        MagicHourErrorKind.PaymentRequired => " The account is out of credits.",
        MagicHourErrorKind.RateLimited => " Too many requests, even after retrying.",
        _ => "",
    };

    /// <summary>The <c>message</c> of a JSON error body, or null when the body is not one.</summary>
    private static async Task<string?> ReadServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out JsonElement message)
                && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
