using System.Collections.Generic;
using System.Text;
using MagicHour.Codegen.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// Finds where a JSON pointer's value sits in the text of a (valid) JSON document, so that diagnostics point at the
/// offending line and column. The map is built on first use: a spec without problems never pays for it.
/// </summary>
internal sealed class JsonLocator
{
    private readonly string _path;
    private readonly string _text;
    private Dictionary<string, TextSpan>? _spans;
    private List<int>? _lineStarts;

    public JsonLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>The location of the value at <paramref name="pointer"/>, or of its nearest ancestor that exists.</summary>
    public LocationInfo Locate(string pointer)
    {
        _spans ??= Scan();
        string current = pointer;
        while (true)
        {
            if (_spans.TryGetValue(current, out TextSpan span))
            {
                return At(span);
            }

            int slash = current.LastIndexOf('/');
            if (slash < 0)
            {
                return At(new TextSpan(0, 0));
            }

            current = current.Substring(0, slash);
        }
    }

    /// <summary>The location of a line and column (both zero-based) given by a JSON parser.</summary>
    public LocationInfo LocateLine(int line, int column)
    {
        _lineStarts ??= LineStarts(_text);
        int safeLine = line < 0 ? 0 : line >= _lineStarts.Count ? _lineStarts.Count - 1 : line;
        int start = _lineStarts[safeLine] + (column < 0 ? 0 : column);
        if (start > _text.Length)
        {
            start = _text.Length;
        }

        return At(new TextSpan(start, 0));
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

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
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private Dictionary<string, TextSpan> Scan()
    {
        var spans = new Dictionary<string, TextSpan>(System.StringComparer.Ordinal);
        int position = 0;
        try
        {
            ScanValue(ref position, string.Empty, spans, 0);
        }
        catch (System.IndexOutOfRangeException)
        {
            // Truncated text: keep what was mapped so far.
        }

        return spans;
    }

    private void ScanValue(ref int i, string pointer, Dictionary<string, TextSpan> spans, int depth)
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
                    string key = ReadString(ref i);
                    SkipWhitespace(ref i);
                    i++; // ':'
                    ScanValue(ref i, pointer + "/" + Escape(key), spans, depth + 1);
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
                    ScanValue(ref i, pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), spans, depth + 1);
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
            ReadString(ref i);
        }
        else
        {
            while (i < _text.Length && ",}] \t\r\n".IndexOf(_text[i]) < 0)
            {
                i++;
            }
        }

        if (!spans.ContainsKey(pointer))
        {
            spans[pointer] = TextSpan.FromBounds(start, i);
        }
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
