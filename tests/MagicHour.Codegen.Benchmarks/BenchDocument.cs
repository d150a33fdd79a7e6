using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>One OpenAPI document to measure; <c>.gz</c> files are decompressed in memory (and to a temp file for NSwag).</summary>
internal sealed record BenchDocument(string Path)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public static IReadOnlyList<BenchDocument> Defaults(string root) => new BenchDocument[]
    {
        new(System.IO.Path.Combine(root, "spec", "openapi.json")),
        new(System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "specs", "magichour", "openapi-latest.json"))),
        new(System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "specs", "large", "ghes-3.17.json.gz"))),
    };

    public string ReadText()
    {
        using Stream file = File.OpenRead(Path);
        using Stream stream = Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A plain JSON file with the document's text: the document itself, or a decompressed copy in <paramref name="directory"/>.</summary>
    public string JsonFile(string directory)
    {
        if (!Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return Path;
        }

        string copy = System.IO.Path.Combine(directory, System.IO.Path.GetFileNameWithoutExtension(Path));
        File.WriteAllText(copy, ReadText());
        return copy;
    }

    /// <summary>The directory that holds MagicHour.Codegen.sln, found upwards from the program.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "MagicHour.Codegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
