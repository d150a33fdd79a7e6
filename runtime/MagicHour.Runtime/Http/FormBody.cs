using System.Collections.Generic;

namespace MagicHour.Runtime.Http;

/// <summary>
/// The fields of a <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> body, in order. A name added
/// twice is sent twice, which is how forms send arrays.
/// </summary>
public sealed class FormBody
{
    private readonly List<KeyValuePair<string, object>> _fields = [];

    /// <summary>The fields in the order they were added: a <see cref="string"/> or a <see cref="FilePart"/> each.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Fields => _fields;

    /// <summary>Whether a field is a file, whose stream can be sent only once.</summary>
    public bool HasFiles { get; private set; }

    /// <summary>Adds a text field; a null value is left out.</summary>
    public void Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }
    }

    /// <summary>Adds a file field; a null file is left out.</summary>
    public void AddFile(string name, FilePart? file)
    {
        if (file is not null)
        {
            _fields.Add(new(name, file));
            HasFiles = true;
        }
    }
}
