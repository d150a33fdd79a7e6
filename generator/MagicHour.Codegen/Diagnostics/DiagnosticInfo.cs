using MagicHour.Codegen.Model;
using Microsoft.CodeAnalysis;

namespace MagicHour.Codegen.Diagnostics;

/// <summary>
/// A diagnostic as data: descriptor, where it is and message arguments, all equatable. The parser says where by a JSON
/// pointer (<see cref="Pointer"/>), which a whitespace edit does not move; <c>JsonLocator</c> turns it into a
/// <see cref="Location"/> in the document's current text, in a step of its own.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, ImmutableEquatableArray<string> MessageArgs)
{
    /// <summary>The JSON pointer of the value the diagnostic is about, not yet located; null once located or when it has no place in the document.</summary>
    public string? Pointer { get; init; }

    /// <summary>The document is not valid JSON: the place is where a JSON parser stops in its text.</summary>
    public bool AtJsonError { get; init; }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor, location, messageArgs.ToImmutableEquatableArray());

    /// <summary>A diagnostic about the value at <paramref name="pointer"/> (<c>""</c> for the whole document).</summary>
    public static DiagnosticInfo At(DiagnosticDescriptor descriptor, string pointer, params string[] messageArgs) =>
        new(descriptor, null, messageArgs.ToImmutableEquatableArray()) { Pointer = pointer };

    public Diagnostic ToDiagnostic()
    {
        var args = new object[MessageArgs.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
