using System.Net;
using System.Net.Http;
using System.Text.Json;
using MagicHour.Emulator;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

public sealed class ErrorTests
{
    private const string Create = "/v1/ai-image-generator";

    [Fact]
    public async Task A_wrong_key_is_unauthorized_with_the_server_message()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.ApiKey = "mh_wrong_key_0000");

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.Unauthorized, error.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Unauthorized", error.ServerMessage);
        Assert.Equal("aiImageGenerator.createImage", error.OperationId);
        Assert.DoesNotContain("mh_wrong_key_0000", error.ToString());
        Assert.Equal(0, emulator.Stats.CreateCount);
    }

    [Theory]
    [InlineData(400, MagicHourErrorKind.BadRequest)]
    [InlineData(402, MagicHourErrorKind.PaymentRequired)]
    [InlineData(403, MagicHourErrorKind.Forbidden)]
    [InlineData(404, MagicHourErrorKind.NotFound)]
    [InlineData(422, MagicHourErrorKind.UnprocessableEntity)]
    [InlineData(429, MagicHourErrorKind.RateLimited)]
    [InlineData(500, MagicHourErrorKind.ServerError)]
    [InlineData(503, MagicHourErrorKind.ServerError)]
    [InlineData(418, MagicHourErrorKind.UnexpectedStatus)]
    public async Task Each_status_has_its_kind(int status, MagicHourErrorKind kind)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.Retry.MaxRetries = 1);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = status, Times = 5 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(kind, error.Kind);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.ServerMessage));
        Assert.Contains(error.ServerMessage!, error.Message);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Equal(0, emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task Out_of_credits_says_so()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = 402 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.PaymentRequired, error.Kind);
        Assert.Contains("out of credits", error.Message);
        Assert.Equal(1, emulator.Stats.RequestCount("POST", Create));
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.GetProjectAsync(pipeline, "no-such-project"));

        Assert.Equal(MagicHourErrorKind.NotFound, error.Kind);
        Assert.Equal("imageProjects.getDetails", error.OperationId);
    }

    [Fact]
    public async Task A_request_the_server_rejects_is_unprocessable_with_its_reason()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline, imageCount: 99));

        Assert.Equal(MagicHourErrorKind.UnprocessableEntity, error.Kind);
        Assert.Contains("image_count", error.ServerMessage);
        Assert.Equal(0, emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task A_body_that_is_not_the_promised_json_is_an_invalid_response_not_a_json_exception()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        emulator.Faults.Add(new FaultRule(FaultKind.MalformedJson) { Method = "POST", PathPrefix = Create });
        emulator.Faults.Add(new FaultRule(FaultKind.MalformedJson) { Method = "GET", PathPrefix = "/v1/image-projects/" });

        var onCreate = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));
        var onGet = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.GetProjectAsync(pipeline, created.Id));

        foreach (MagicHourApiException error in new[] { onCreate, onGet })
        {
            Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
            Assert.Equal(HttpStatusCode.OK, error.StatusCode);
            Assert.IsAssignableFrom<JsonException>(error.InnerException);
        }
    }

    [Fact]
    public async Task Json_of_the_wrong_shape_is_an_invalid_response()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        // A project read as a list of strings: valid JSON, wrong shape.
        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => pipeline.SendAsync(
            new ApiRequest(HttpMethod.Get, "/v1/image-projects/" + created.Id, "imageProjects.getDetails"),
            MagicHour.Runtime.Json.JsonCodec.Read<IReadOnlyList<string>, MagicHour.Runtime.Json.JsonList<string, MagicHour.Runtime.Json.JsonString>>));

        Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
    }
}
