using System.Text.Json;
using MagicHour.Runtime.Json;
using MagicHour.Runtime.Projects;

namespace MagicHour.Runtime.Tests.Support;

/// <summary>
/// An image project as <c>GET /v1/image-projects/{id}</c> returns it, read through its own codec as the generated type
/// is (the tests restate the spec; the runtime does not). The downloads and the error are flattened for the tests.
/// </summary>
public sealed record TestProject(
    string Id,
    string Status,
    bool Enabled,
    int? CreditsCharged,
    IReadOnlyList<string> Downloads,
    string? ErrorCode,
    string? ErrorMessage) : IJsonCodec<TestProject>
{
    /// <summary>What the generated adapter hands the runtime.</summary>
    public ProjectState State => new(Id, Status, Enabled, CreditsCharged, Downloads, ErrorCode, ErrorMessage);

    public IReadOnlyList<Uri> DownloadUris => Downloads.Select(url => new Uri(url)).ToList();

    static TestProject IJsonCodec<TestProject>.Read(ref JsonModelReader reader)
    {
        string? id = null;
        string? status = null;
        bool? enabled = null;
        int? creditsCharged = null;
        IReadOnlyList<TestDownload>? downloads = null;
        TestError? error = null;
        reader.StartObject("TestProject");
        while (reader.NextProperty())
        {
            switch (reader.PropertyName)
            {
                case "id": id = reader.String(); break;
                case "status": status = reader.String(); break;
                case "enabled": enabled = reader.Boolean(); break;
                case "credits_charged": creditsCharged = reader.Int32(); break;

                // Read as the generated type reads it, so that a value it rejects is rejected here too.
                case "created_at": reader.DateTimeOffset(); break;
                case "downloads": downloads = reader.List<TestDownload>(); break;
                case "error": error = reader.Model<TestError>(); break;
                default: reader.Skip(); break;
            }
        }

        return new TestProject(
            id ?? throw reader.Missing("id"),
            status ?? throw reader.Missing("status"),
            enabled ?? true,
            creditsCharged,
            downloads?.Select(download => download.Url).ToList() ?? [],
            error?.Code,
            error?.Message);
    }

    static void IJsonCodec<TestProject>.Write(JsonModelWriter writer, TestProject value)
    {
        writer.StartObject();
        writer.String(JsonEncodedText.Encode("id"), value.Id);
        writer.String(JsonEncodedText.Encode("status"), value.Status);
        writer.Boolean(JsonEncodedText.Encode("enabled"), value.Enabled);
        writer.Int32(JsonEncodedText.Encode("credits_charged"), value.CreditsCharged);
        writer.List<TestDownload>(JsonEncodedText.Encode("downloads"), value.Downloads.Select(url => new TestDownload(url)).ToList());
        writer.Model<TestError>(JsonEncodedText.Encode("error"), value.ErrorCode is null && value.ErrorMessage is null ? null : new TestError(value.ErrorCode, value.ErrorMessage));
        writer.EndObject();
    }
}

/// <summary>One output of a project (<c>ProjectDownload</c>); a missing URL reads as empty.</summary>
public sealed record TestDownload(string Url) : IJsonCodec<TestDownload>
{
    static TestDownload IJsonCodec<TestDownload>.Read(ref JsonModelReader reader)
    {
        string? url = null;
        reader.StartObject("TestDownload");
        while (reader.NextProperty())
        {
            switch (reader.PropertyName)
            {
                case "url": url = reader.String(); break;
                default: reader.Skip(); break;
            }
        }

        return new TestDownload(url ?? "");
    }

    static void IJsonCodec<TestDownload>.Write(JsonModelWriter writer, TestDownload value)
    {
        writer.StartObject();
        writer.String(JsonEncodedText.Encode("url"), value.Url);
        writer.EndObject();
    }
}

/// <summary>Why a project failed (<c>ProjectError</c>).</summary>
public sealed record TestError(string? Code, string? Message) : IJsonCodec<TestError>
{
    static TestError IJsonCodec<TestError>.Read(ref JsonModelReader reader)
    {
        string? code = null;
        string? message = null;
        reader.StartObject("TestError");
        while (reader.NextProperty())
        {
            switch (reader.PropertyName)
            {
                case "code": code = reader.String(); break;
                case "message": message = reader.String(); break;
                default: reader.Skip(); break;
            }
        }

        return new TestError(code, message);
    }

    static void IJsonCodec<TestError>.Write(JsonModelWriter writer, TestError value)
    {
        writer.StartObject();
        writer.String(JsonEncodedText.Encode("code"), value.Code);
        writer.String(JsonEncodedText.Encode("message"), value.Message);
        writer.EndObject();
    }
}
