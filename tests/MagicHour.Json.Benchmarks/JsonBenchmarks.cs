using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace MagicHour.Json.Benchmarks;

/// <summary>
/// Reading and writing one document with the generated converters (<typeparamref name="TOurs"/>) and with
/// System.Text.Json's source generator over hand-written classes (<typeparamref name="TStj"/>, the baseline of each
/// category). Reads go from a UTF-8 byte array, writes to a reused <see cref="Utf8JsonWriter"/> over a reused buffer.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class JsonBenchmarks<TOurs, TStj>
    where TOurs : class
    where TStj : class
{
    private readonly OurJson<TOurs> _ours = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private byte[] _payload = null!;
    private JsonTypeInfo<TStj> _stj = null!;
    private Utf8JsonWriter _writer = null!;
    private TOurs _oursValue = null!;
    private TStj _stjValue = null!;

    protected abstract byte[] Payload { get; }

    protected abstract JsonTypeInfo<TStj> StjTypeInfo { get; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = Payload;
        _stj = StjTypeInfo;
        _writer = new Utf8JsonWriter(_buffer);
        _oursValue = _ours.Read(_payload);
        _stjValue = JsonSerializer.Deserialize(_payload, _stj)!;
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true, Description = "System.Text.Json")]
    [BenchmarkCategory("Read")]
    public TStj ReadStj() => JsonSerializer.Deserialize(_payload, _stj)!;

    [Benchmark(Description = "generated")]
    [BenchmarkCategory("Read")]
    public TOurs ReadOurs() => _ours.Read(_payload);

    [Benchmark(Baseline = true, Description = "System.Text.Json")]
    [BenchmarkCategory("Write")]
    public long WriteStj()
    {
        Restart();
        JsonSerializer.Serialize(_writer, _stjValue, _stj);
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    [Benchmark(Description = "generated")]
    [BenchmarkCategory("Write")]
    public long WriteOurs()
    {
        Restart();
        _ours.Write(_writer, _oursValue);
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    private void Restart()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }
}
