namespace MagicHour.Codegen.Model;

/// <summary>Everything the emitter needs to write one client. Diagnostics travel apart (<c>SpecParseResult</c>).</summary>
/// <param name="Namespace">The namespace of every generated type.</param>
/// <param name="ClientName">The root client class, e.g. <c>MagicHourClient</c>.</param>
/// <param name="HintPrefix">A prefix that keeps generated file names of several specs apart.</param>
/// <param name="DefaultBaseAddress">The first server of the spec, without the path that <see cref="OperationModel.Path"/> already carries.</param>
internal sealed record ClientModel(
    string Namespace,
    string ClientName,
    string HintPrefix,
    DocModel Documentation,
    string? DefaultBaseAddress,
    ImmutableEquatableArray<TypeModel> Types,
    OperationGroupModel Root)
{
    /// <summary>True when the document could not be read at all: only diagnostics, no code.</summary>
    public bool IsEmpty { get; init; }
}
