namespace MagicHour.Codegen.Model;

/// <summary>Documentation taken from the spec, as plain text (escaping happens when it is emitted).</summary>
/// <param name="Summary">The one-line summary.</param>
/// <param name="Remarks">Longer description, defaults, examples and limits.</param>
internal sealed record DocModel(string? Summary, string? Remarks = null)
{
    public static DocModel Empty { get; } = new((string?)null);
}
