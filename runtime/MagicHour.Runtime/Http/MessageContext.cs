using System;
using System.ClientModel.Primitives;

namespace MagicHour.Runtime.Http;

/// <summary>What the runtime's policies need to know about one call, carried on its <see cref="PipelineMessage"/>.</summary>
/// <param name="Operation">The operation id or a name such as <c>upload</c>, for logs and errors.</param>
/// <param name="IsIdempotent">Whether sending it twice has the effect of sending it once.</param>
/// <param name="BufferBody">
/// Whether a success body is read whole within the attempt (JSON, text, empty); false streams it (binary responses,
/// downloads), every read bounded by the network timeout. Error bodies are always read within the attempt.
/// </param>
internal sealed record MessageContext(string Operation, bool IsIdempotent, bool BufferBody)
{
    /// <summary>Whether the body may be sent (again); false once a one-shot (streamed) body began to be read.</summary>
    public Func<bool> CanResendBody { get; init; } = static () => true;

    /// <summary>The context of <paramref name="message"/>; a message made outside the runtime is treated by its method.</summary>
    public static MessageContext Of(PipelineMessage message) =>
        message.TryGetProperty(typeof(MessageContext), out object? value) && value is MessageContext context
            ? context
            : new MessageContext(message.Request.Method, message.Request.Method is not ("POST" or "PATCH"), BufferBody: true);

    public void AttachTo(PipelineMessage message) => message.SetProperty(typeof(MessageContext), this);

    /// <summary>
    /// A success response whose body is unusable (unreadable, too large). The server answered, so it processed the request:
    /// a create was charged. A reader's exception is kept only in a sanitized copy, as its message may quote the server.
    /// </summary>
    public MagicHourApiException InvalidResponse(PipelineResponse response, string what, KeyRedactor redactor, Exception? cause = null) =>
        new(MagicHourErrorKind.InvalidResponse, $"{Operation}: {what}", response, operationId: Operation,
            requestId: redactor.Redact(ResponseHeaders.RequestIdOf(response)), innerException: cause is null ? null : redactor.Sanitize(cause))
        {
            RequestMayHaveBeenProcessed = !IsIdempotent,
        };
}
