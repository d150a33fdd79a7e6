using System.ClientModel.Primitives;

namespace MagicHour.Runtime.Tests.Support;

/// <summary>A response that no server sent, for results made in a test (mocks, a create's answer handed in).</summary>
public sealed class StubResponse(int status = 200, string? requestId = null) : PipelineResponse
{
    private readonly StubHeaders _headers = new(requestId);

    public override int Status => status;

    public override string ReasonPhrase => "OK";

    public override Stream? ContentStream { get; set; }

    public override BinaryData Content => BinaryData.Empty;

    protected override PipelineResponseHeaders HeadersCore => _headers;

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => BinaryData.Empty;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => new(BinaryData.Empty);

    public override void Dispose()
    {
    }

    private sealed class StubHeaders(string? requestId) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value)
        {
            value = requestId is not null && name.Equals("x-request-id", StringComparison.OrdinalIgnoreCase) ? requestId : null;
            return value is not null;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            values = TryGetValue(name, out string? value) ? [value!] : null;
            return values is not null;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            if (requestId is not null)
            {
                yield return new("x-request-id", requestId);
            }
        }
    }
}
