using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using MagicHour.Runtime.Http;

namespace MagicHour.Runtime;

/// <summary>Turns a failed response, whose body the pipeline already read (and redacted), into a <see cref="MagicHourApiException"/>.</summary>
internal static class ErrorResponses
{
    public static MagicHourApiException Create(PipelineResponse response, string operation, KeyRedactor redactor)
    {
        string? serverMessage = redactor.Redact(ServerMessageOf(response));
        var status = (HttpStatusCode)response.Status;
        MagicHourErrorKind kind = MagicHourApiException.KindOf(status);
        string message = $"{operation} failed with {response.Status} ({status}){(serverMessage is null ? "." : $": {serverMessage}")}{Hint(kind)}";
        return new MagicHourApiException(kind, message, response, serverMessage, operation, redactor.Redact(ResponseHeaders.RequestIdOf(response)))
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
    private static string? ServerMessageOf(PipelineResponse response)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(response.Content.ToMemory());
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
