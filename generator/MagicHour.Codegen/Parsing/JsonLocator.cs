using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;
using Microsoft.CodeAnalysis.Text;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// Places diagnostics in a document's text: where the value at each one's JSON pointer sits (or its nearest ancestor
/// that exists), or for a document that is not JSON, where a parser stops. One pass over the text that builds the
/// pointers of only the paths that lead to a wanted value, so a spec with a few diagnostics costs a scan, not a map of
/// every value.
/// </summary>
internal sealed class JsonLocator
{
    private readonly string _path;
    private readonly string _text;
    private readonly HashSet<string> _onTheWay = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, TextSpan> _spans = new(System.StringComparer.Ordinal);
    private List<int>? _lineStarts;

    private JsonLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The diagnostics of the document at <paramref name="path"/>, placed in <paramref name="text"/>.</summary>
    public static ImmutableEquatableArray<DiagnosticInfo> Locate(string path, string text, ImmutableEquatableArray<DiagnosticInfo> diagnostics)
    {
        var locator = new JsonLocator(path, text);
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            for (string? pointer = diagnostic.Pointer; pointer is not null; pointer = Parent(pointer))
            {
                locator._onTheWay.Add(pointer);
            }
        }

        if (locator._onTheWay.Count > 0)
        {
            locator.Scan();
        }

        var located = new List<DiagnosticInfo>(diagnostics.Count);
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            LocationInfo? location = diagnostic.AtJsonError ? locator.JsonError()
                : diagnostic.Pointer is { } pointer ? locator.Nearest(pointer)
                : diagnostic.Location;
            located.Add(diagnostic with { Location = location, Pointer = null, AtJsonError = false });
        }

        return located.ToImmutableEquatableArray();
    }

    private static string? Parent(string pointer)
    {
        if (pointer.Length == 0)
        {
            return null;
        }

        int slash = pointer.LastIndexOf('/');
        return slash <= 0 ? string.Empty : pointer.Substring(0, slash);
    }

    private LocationInfo Nearest(string pointer)
    {
        for (string? current = pointer; current is not null; current = Parent(current))
        {
            if (_spans.TryGetValue(current, out TextSpan span))
            {
                return At(span);
            }
        }

        return At(new TextSpan(0, 0));
    }

    /// <summary>Where the framework's JSON parser stops reading the text.</summary>
    private LocationInfo JsonError()
    {
        try
        {
            using (JsonDocument.Parse(_text, new JsonDocumentOptions { MaxDepth = 256 }))
            {
                return At(new TextSpan(0, 0));
            }
        }
        catch (JsonException ex)
        {
            _lineStarts ??= LineStarts(_text);
            int line = (int)(ex.LineNumber ?? 0);
            int safeLine = line < 0 ? 0 : line >= _lineStarts.Count ? _lineStarts.Count - 1 : line;
            int start = _lineStarts[safeLine] + (int)(ex.BytePositionInLine ?? 0);
            return At(new TextSpan(start > _text.Length ? _text.Length : start, 0));
        }
    }

    private LocationInfo At(TextSpan span)
    {
        _lineStarts ??= LineStarts(_text);
        return new LocationInfo(_path, span, new LinePositionSpan(Position(span.Start), Position(span.End)));
    }

    private LinePosition Position(int offset)
    {
        List<int> starts = _lineStarts!;
        int low = 0, high = starts.Count - 1;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (starts[mid] <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return new LinePosition(low, offset - starts[low]);
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return starts;
    }

    private void Scan()
    {
        int position = 0;
        try
        {
            ScanValue(ref position, string.Empty, 0);
        }
        catch (System.IndexOutOfRangeException)
        {
            // Truncated text: keep what was found so far.
        }
    }

    /// <summary>Scans one value; <paramref name="pointer"/> is null under a path that leads to no wanted value.</summary>
    private void ScanValue(ref int i, string? pointer, int depth)
    {
        SkipWhitespace(ref i);
        int start = i;
        char c = _text[i];
        if (c == '{' && depth < 512)
        {
            i++;
            SkipWhitespace(ref i);
            if (_text[i] == '}')
            {
                i++;
            }
            else
            {
                while (true)
                {
                    SkipWhitespace(ref i);
                    string? child = pointer is null ? SkipString(ref i) : Wanted(pointer + "/" + Escape(ReadString(ref i)));
                    SkipWhitespace(ref i);
                    i++; // ':'
                    ScanValue(ref i, child, depth + 1);
                    SkipWhitespace(ref i);
                    if (_text[i++] == '}')
                    {
                        break;
                    }
                }
            }
        }
        else if (c == '[' && depth < 512)
        {
            i++;
            SkipWhitespace(ref i);
            if (_text[i] == ']')
            {
                i++;
            }
            else
            {
                for (int index = 0; ; index++)
                {
                    string? child = pointer is null ? null : Wanted(pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    ScanValue(ref i, child, depth + 1);
                    SkipWhitespace(ref i);
                    if (_text[i++] == ']')
                    {
                        break;
                    }
                }
            }
        }
        else if (c == '"')
        {
            SkipString(ref i);
        }
        else
        {
            while (i < _text.Length && ",}] \t\r\n".IndexOf(_text[i]) < 0)
            {
                i++;
            }
        }

        if (pointer is not null && !_spans.ContainsKey(pointer))
        {
            _spans[pointer] = TextSpan.FromBounds(start, i);
        }
    }

    private string? Wanted(string pointer) => _onTheWay.Contains(pointer) ? pointer : null;

    private string? SkipString(ref int i)
    {
        i++; // opening quote
        while (_text[i] != '"')
        {
            i += _text[i] == '\\' ? 2 : 1;
        }

        i++; // closing quote
        return null;
    }

    private string ReadString(ref int i)
    {
        var builder = new StringBuilder();
        i++; // opening quote
        while (_text[i] != '"')
        {
            if (_text[i] == '\\')
            {
                i++;
                char escaped = _text[i];
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u':
                        builder.Append((char)System.Convert.ToInt32(_text.Substring(i + 1, 4), 16));
                        i += 4;
                        break;
                    default: builder.Append(escaped); break;
                }

                i++;
            }
            else
            {
                builder.Append(_text[i++]);
            }
        }

        i++; // closing quote
        return builder.ToString();
    }

    private void SkipWhitespace(ref int i)
    {
        while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t' || _text[i] == '\r' || _text[i] == '\n'))
        {
            i++;
        }
    }
}
