using System;
using System.ClientModel.Primitives;

namespace MagicHour.Runtime.Http;

/// <summary>
/// What the runtime's policies need to know about one call, carried on its <see cref="PipelineMessage"/>: the
/// operation's name, whether repeating it is safe, whether the key may go along, and how its body is read.
/// </summary>
internal sealed class MessageContext
{
    public MessageContext(string operation, bool isIdempotent, bool authenticate, bool bufferBody)
    {
        Operation = operation;
        IsIdempotent = isIdempotent;
        Authenticate = authenticate;
        BufferBody = bufferBody;
    }

    /// <summary>The operation id or a name such as <c>upload</c>, for logs and errors.</summary>
    public string Operation { get; }

    public bool IsIdempotent { get; }

    /// <summary>An API call, which carries the key to the API's own origin; uploads and downloads never do.</summary>
    public bool Authenticate { get; }

    /// <summary>
    /// Whether a success body is read whole within the attempt (JSON, text, empty); false streams it (binary responses,
    /// downloads), every read bounded by the network timeout. Error bodies are always read within the attempt.
    /// </summary>
    public bool BufferBody { get; }

    /// <summary>Whether the body may be sent again; false once a one-shot (streamed) body began to be read.</summary>
    public Func<bool> CanResendBody { get; init; } = static () => true;

    /// <summary>The attempt under way, from 1.</summary>
    public int Attempt { get; set; }

    /// <summary>The context of <paramref name="message"/>; a message made outside the runtime is treated by its method.</summary>
    public static MessageContext Of(PipelineMessage message)
    {
        if (message.TryGetProperty(typeof(MessageContext), out object? value) && value is MessageContext context)
        {
            return context;
        }

        context = new MessageContext(message.Request.Method, message.Request.Method is not ("POST" or "PATCH"), authenticate: true, bufferBody: true);
        message.SetProperty(typeof(MessageContext), context);
        return context;
    }

    public void AttachTo(PipelineMessage message) => message.SetProperty(typeof(MessageContext), this);
}
