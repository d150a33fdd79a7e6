using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// An inline schema that component schemas repeat under properties of the same name (as GitHub's webhooks repeat
/// <c>user</c>) is one type, named where it is first declared; anything that tells two copies apart keeps them apart,
/// and types within operations stay named after their operation.
/// </summary>
public class SharedShapeTests
{
    private const string Spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Tracker", "version": "1" },
          "paths": {},
          "components": { "schemas": {
            "Issue": { "type": "object", "required": ["user"], "properties": {
              "user": { "type": "object", "description": "Who opened it.", "required": ["login", "type"], "properties": {
                "login": { "type": "string" },
                "type": { "type": "string", "enum": ["Bot", "User"] } } },
              "state": { "type": "string", "enum": ["open", "closed"] } } },
            "PullRequest": { "type": "object", "properties": {
              "user": { "type": "object", "description": "Who opened it.", "required": ["login", "type"], "properties": {
                "login": { "type": "string" },
                "type": { "type": "string", "enum": ["Bot", "User"] } } },
              "labels": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" } } } },
              "state": { "type": "string", "enum": ["open", "closed"] } } },
            "Discussion": { "type": "object", "properties": {
              "author": { "type": "object", "description": "Who opened it.", "required": ["login", "type"], "properties": {
                "login": { "type": "string" },
                "type": { "type": "string", "enum": ["Bot", "User"] } } },
              "labels": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" } } } },
              "state": { "type": "string", "enum": ["open", "closed", "locked"] } } },
            "Review": { "type": "object", "properties": {
              "user": { "type": "object", "description": "Who reviewed it.", "required": ["login", "type"], "properties": {
                "login": { "type": "string" },
                "type": { "type": "string", "enum": ["Bot", "User"] } } },
              "state": { "type": "string", "enum": ["open", "closed"], "deprecated": true } } },
            "User": { "type": "object", "description": "Who opened it.", "required": ["login", "type"], "properties": {
              "login": { "type": "string" },
              "type": { "type": "string", "enum": ["Bot", "User"] } } }
          } }
        }
        """;

    [Fact]
    public void Identical_inline_types_under_a_property_of_one_name_are_one_type_named_where_first_declared()
    {
        Dictionary<string, TypeModel> types = Types(Spec);
        Assert.Equal("IssueUser", PropertyType(types, "PullRequest", "User"));
        Assert.Equal("IssueState", PropertyType(types, "PullRequest", "State"));
        Assert.Equal("IssueUserType", PropertyType(types, (ObjectModel)types["IssueUser"], "Type"));
        Assert.Equal("PullRequestLabel", PropertyType(types, "Discussion", "Labels"));
        Assert.DoesNotContain("PullRequestUser", types.Keys);
        Assert.DoesNotContain("PullRequestUserType", types.Keys);
        Assert.DoesNotContain("PullRequestState", types.Keys);
        Assert.DoesNotContain("DiscussionLabel", types.Keys);
    }

    [Fact]
    public void A_different_property_name_description_value_or_deprecation_keeps_a_type_of_its_own()
    {
        Dictionary<string, TypeModel> types = Types(Spec);

        // Same shape under "author": the name says what it is, so it is not borrowed from "user".
        Assert.Equal("DiscussionAuthor", PropertyType(types, "Discussion", "Author"));
        Assert.Equal("DiscussionState", PropertyType(types, "Discussion", "State"));
        Assert.Equal("ReviewUser", PropertyType(types, "Review", "User"));
        Assert.Equal("ReviewState", PropertyType(types, "Review", "State"));

        // A component is named by its key and never stands in for an inline type, nor takes one's place.
        Assert.Equal("IssueUser", PropertyType(types, "Issue", "User"));
        Assert.Contains("User", types.Keys);
    }

    [Fact]
    public void Types_within_operations_keep_their_own_named_after_the_operation()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Tracker", "version": "1" },
              "paths": {
                "/issues": { "post": { "operationId": "issues.create",
                  "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": {
                    "state": { "type": "string", "enum": ["open", "closed"] },
                    "user": { "type": "object", "properties": { "login": { "type": "string" } } } } } } } },
                  "responses": { "204": { "description": "ok" } } } },
                "/pulls": { "post": { "operationId": "pulls.create",
                  "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": {
                    "state": { "type": "string", "enum": ["open", "closed"] },
                    "user": { "type": "object", "properties": { "login": { "type": "string" } } } } } } } },
                  "responses": { "204": { "description": "ok" } } } }
              }
            }
            """;
        Dictionary<string, TypeModel> types = Types(spec);
        Assert.Equal("IssuesCreateRequestState", PropertyType(types, "IssuesCreateRequest", "State"));
        Assert.Equal("PullsCreateRequestState", PropertyType(types, "PullsCreateRequest", "State"));
        Assert.Equal("IssuesCreateRequestUser", PropertyType(types, "IssuesCreateRequest", "User"));
        Assert.Equal("PullsCreateRequestUser", PropertyType(types, "PullsCreateRequest", "User"));
    }

    [Fact]
    public void A_shared_type_compiles_reads_and_moves_between_its_owners()
    {
        GenerationResult result = GeneratorHarness.Run(Spec, extraSources: """
            namespace Consumer;

            /// <summary>User code that moves a value between two owners of a shared type.</summary>
            public static class Moves
            {
                /// <summary>A pull request with the issue's user and state.</summary>
                public static MagicHour.Client.PullRequest FromIssue(MagicHour.Client.Issue issue) => new() { User = issue.User, State = issue.State };
            }
            """);
        CompileTests.AssertClean(result);

        Assembly client = CompiledClient.Load(result.Compilation);
        object issue = JsonSerializer.Deserialize("""{"user":{"login":"octocat","type":"Bot"},"state":"closed"}""", client.Type("Issue"))!;
        object pullRequest = client.GetType("Consumer.Moves")!.GetMethod("FromIssue")!.Invoke(null, new[] { issue })!;
        Assert.Equal("""{"user":{"login":"octocat","type":"Bot"},"state":"closed"}""", JsonSerializer.Serialize(pullRequest, client.Type("PullRequest")));
    }

    private static Dictionary<string, TypeModel> Types(string spec) =>
        SpecParser.Parse(new SpecInput("/spec/openapi.json", spec, null, null), default).Model.Types.ToDictionary(t => t.Name);

    private static string PropertyType(Dictionary<string, TypeModel> types, string owner, string property) =>
        PropertyType(types, (ObjectModel)types[owner], property);

    private static string PropertyType(Dictionary<string, TypeModel> types, ObjectModel owner, string property)
    {
        TypeRef type = owner.Properties.Single(p => p.Name == property).Type;
        string name = (type.Element ?? type).Name!;
        Assert.Contains(name, types.Keys);
        return name;
    }
}
