using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// What makes two inline types within component schemas one: the same JSON property name and the same model but for
/// the name and the place (members, documentation, deprecation, and the types of the properties, whose own inline
/// types were shared first). Large specs repeat one shape inline many times (GitHub's webhooks copy the same
/// <c>user</c>, <c>license</c> and permission enums hundreds of times); each copy would be a type of its own that a
/// caller cannot assign to its twin, and that every build compiles again. The first declared keeps its name, taken
/// from where it sits.
/// </summary>
internal sealed record SharedShape(string PropertyWireName, TypeModel Model)
{
    public static SharedShape Of(string propertyWireName, TypeModel model) =>
        new(propertyWireName, model with { Name = string.Empty, SourcePointer = string.Empty });
}
