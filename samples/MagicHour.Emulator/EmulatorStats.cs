using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace MagicHour.Emulator;

/// <summary>Counters of what the emulator received. All members are thread-safe.</summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<(string Method, string Path), int> _requests = new();
    private readonly Func<long> _creditsCharged;
    private int _createCount;
    private int _uploadCount;
    private int _authorizationHeadersOnAssetRequests;

    internal EmulatorStats(Func<long> creditsCharged)
    {
        _creditsCharged = creditsCharged;
    }

    /// <summary>Accepted (and charged) create calls.</summary>
    public int CreateCount => Volatile.Read(ref _createCount);

    /// <summary>Credits currently charged over all projects, i.e. net of the refunds of failed renders.</summary>
    public long CreditsCharged => _creditsCharged();

    /// <summary>Upload PUTs whose bytes were stored.</summary>
    public int UploadCount => Volatile.Read(ref _uploadCount);

    /// <summary>Upload PUTs and download GETs that carried an Authorization header (a correct client sends none).</summary>
    public int AuthorizationHeadersOnAssetRequests => Volatile.Read(ref _authorizationHeadersOnAssetRequests);

    /// <summary>
    /// Requests received (including rejected and faulted ones) with this method ("*" for any)
    /// whose path starts with <paramref name="pathPrefix"/>.
    /// </summary>
    public int RequestCount(string method, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathPrefix);
        int total = 0;
        foreach (KeyValuePair<(string Method, string Path), int> entry in _requests)
        {
            bool methodMatches = method == "*" || string.Equals(entry.Key.Method, method, StringComparison.OrdinalIgnoreCase);
            if (methodMatches && entry.Key.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
            {
                total += entry.Value;
            }
        }

        return total;
    }

    internal void RecordRequest(string method, string path) =>
        _requests.AddOrUpdate((method.ToUpperInvariant(), path), 1, static (_, count) => count + 1);

    internal void RecordCreate() => Interlocked.Increment(ref _createCount);

    internal void RecordUpload() => Interlocked.Increment(ref _uploadCount);

    internal void RecordAuthorizationHeaderOnAsset() => Interlocked.Increment(ref _authorizationHeadersOnAssetRequests);
}
