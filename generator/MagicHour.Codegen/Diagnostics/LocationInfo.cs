using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MagicHour.Codegen.Diagnostics;

/// <summary>A place in a spec file, kept as plain values so that it can travel through the incremental pipeline.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
