using MagicHour.Codegen.Naming;
using Xunit;

namespace MagicHour.Codegen.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("16:9", "AspectRatio", "Ratio16x9")]
    [InlineData("640px", "Resolution", "Resolution640px")]
    [InlineData("1k", "Resolution", "Resolution1k")]
    [InlineData("nano-banana-2", "Model", "NanoBanana2")]
    [InlineData("seedream-v4.5", "Model", "SeedreamV4_5")]
    [InlineData("ai-anime-generator", "Tool", "AiAnimeGenerator")]
    [InlineData("AI_IMAGE", "Type", "AiImage")]
    [InlineData("", "Type", "Empty")]
    [InlineData("+", "Type", "Value2B")]
    public void Enum_members_read_like_hand_written_csharp(string wire, string enumName, string expected) =>
        Assert.Equal(expected, Identifiers.ToEnumMemberName(wire, enumName));

    [Theory]
    [InlineData("image_file_paths", "ImageFilePaths")]
    [InlineData("credits_charged", "CreditsCharged")]
    [InlineData("getDetails", "GetDetails")]
    [InlineData("upload-urls", "UploadUrls")]
    [InlineData("3d", "Value3d")]
    [InlineData("", "Value")]
    [InlineData("größe", "Größe")]
    public void Names_become_pascal_case(string wire, string expected) => Assert.Equal(expected, Identifiers.ToPascalCase(wire));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("image_id", "imageId")]
    [InlineData("URLPath", "urlPath")]
    public void Parameters_become_camel_case_and_escape_keywords(string wire, string expected) => Assert.Equal(expected, Identifiers.ToCamelCase(wire));

    [Theory]
    [InlineData("Downloads", "Download")]
    [InlineData("Items", "Item")]
    [InlineData("Categories", "Category")]
    [InlineData("Status", "StatusItem")]
    [InlineData("Data", "DataItem")]
    public void Array_items_are_named_in_the_singular(string plural, string expected) => Assert.Equal(expected, Identifiers.Singularize(plural));
}
