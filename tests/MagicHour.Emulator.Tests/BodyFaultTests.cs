using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MagicHour.Emulator.Tests;

/// <summary>Faults in the body of the real answer, bodies that echo the key, and odd project reports.</summary>
public sealed class BodyFaultTests : EmulatorTestBase
{
    private const string Generator = "/v1/ai-image-generator";
    private const string CreateBody = """{"image_count":1,"style":{"prompt":"x"}}""";

    [Fact]
    public async Task StallBodyProcessesTheRequestAndSendsTheRealHeadersBeforeHoldingTheBody()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.StallBody) { PathPrefix = Generator, Delay = TimeSpan.FromMinutes(5) });

        using HttpResponseMessage response = await SendCreateAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
        Assert.Equal(1, Emulator.Stats.CreateCount);
    }

    [Theory]
    [InlineData(FaultKind.StallBody)]
    [InlineData(FaultKind.TrickleBody)]
    public async Task StalledAndTrickledBodiesAreTheRealAnswerInTheEnd(FaultKind kind)
    {
        Emulator.Faults.Add(new FaultRule(kind) { PathPrefix = Generator, Delay = TimeSpan.FromMilliseconds(kind == FaultKind.StallBody ? 200 : 1) });

        (HttpStatusCode status, JsonElement body) = await Client.PostAsync(Generator, CreateBody);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        Assert.Equal(5, body.GetProperty("credits_charged").GetInt32());
        Assert.Equal(1, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task ResetMidBodySendsHalfOfTheRealAnswerThenBreaks()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.ResetMidBody) { PathPrefix = Generator });

        using HttpResponseMessage response = await SendCreateAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Exception? failure = await Record.ExceptionAsync(() => response.Content.ReadAsByteArrayAsync());

        Assert.True(failure is IOException or HttpRequestException, failure?.ToString());
        Assert.Equal(1, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task BodyEchoesTheBearerTokenWhereTheRuleSays()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Body) { PathPrefix = Generator, StatusCode = 400, Body = """{"message":"bad key {authorization}"}""" });

        (HttpStatusCode status, JsonElement body) = await Client.PostAsync(Generator, CreateBody);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"bad key {ApiClient.ApiKey}", body.GetProperty("message").GetString());
        Assert.Equal(0, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task BodyAfterProcessingReplacesTheAnswerOfAChargedCreate()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Body) { PathPrefix = Generator, StatusCode = 200, Body = """{"id":"","credits_charged":5}""", AfterProcessing = true });

        (HttpStatusCode status, JsonElement body) = await Client.PostAsync(Generator, CreateBody);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(string.Empty, body.GetProperty("id").GetString());
        Assert.Equal(1, Emulator.Stats.CreateCount);
    }

    private Task<HttpResponseMessage> SendCreateAsync() =>
        Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, Generator) { Content = ApiClient.Json(CreateBody) }, HttpCompletionOption.ResponseHeadersRead);

    [Fact]
    public async Task DownloadUrlsAreReportedExactlyAsGiven()
    {
        string[] urls = ["/relative/out.png", "https://a+b.example.com/x.png", "not a url"];
        Emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadUrls = urls });
        (string id, _) = await Client.CreateGeneratorAsync();

        JsonElement project = await Client.WaitForOutcomeAsync(id);

        Assert.Equal("complete", project.GetProperty("status").GetString());
        Assert.Equal(urls, ApiClient.DownloadUrls(project));
    }

    [Fact]
    public async Task AFlappingStatusIsCompleteOnceThenQueuedAgain()
    {
        Emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { FlapsAfterComplete = true });
        (string id, _) = await Client.CreateGeneratorAsync();

        JsonElement first = await Client.WaitForOutcomeAsync(id);
        (_, JsonElement second) = await Client.GetAsync(ApiClient.ProjectPath(id));

        Assert.Equal("complete", first.GetProperty("status").GetString());
        Assert.Single(ApiClient.DownloadUrls(first));
        Assert.Equal("queued", second.GetProperty("status").GetString());
        Assert.Empty(ApiClient.DownloadUrls(second));
    }
}
