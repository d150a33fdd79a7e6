using System;
using System.ClientModel.Primitives;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// The classifier of every message the client sends. An error is any status but 2xx (a redirect that was not followed
/// is one too). What may be repeated, for an API that charges credits per create:
/// <list type="bullet">
/// <item>a connection failure before the request left: always;</item>
/// <item>429 and 503, which mean the server turned the request away unprocessed: always;</item>
/// <item>408, 502, 504, a timeout or a connection that broke after the request left (while the response, body
/// included, was read): only idempotent requests, because a gateway or the server may have processed it, and
/// repeating a create would charge its credits twice.</item>
/// </list>
/// Whatever the cause, a request whose body is a caller's stream that was already read is never repeated. A retry
/// policy asks the message's classifier, so a <see cref="ClientRetryPolicy"/> set in the options follows this rule too.
/// </summary>
internal sealed class CreditSafeClassifier : PipelineMessageClassifier
{
    public static CreditSafeClassifier Instance { get; } = new();

    public override bool TryClassify(PipelineMessage message, out bool isError)
    {
        isError = message.Response!.Status is < 200 or > 299;
        return true;
    }

    public override bool TryClassify(PipelineMessage message, Exception? exception, out bool isRetriable)
    {
        MessageContext context = MessageContext.Of(message);
        isRetriable = context.CanResendBody() && exception switch
        {
            null => message.Response is { } response && MayRepeat(response.Status, context.IsIdempotent),
            MagicHourApiException { Kind: MagicHourErrorKind.Network or MagicHourErrorKind.Timeout } fault => !fault.RequestMayHaveBeenProcessed,
            _ => false,
        };
        return true;
    }

    private static bool MayRepeat(int status, bool idempotent) => status switch
    {
        429 or 503 => true,
        408 or 502 or 504 => idempotent,
        _ => false,
    };
}
