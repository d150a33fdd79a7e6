using System.Net;
using System.Net.Http;
using System.Text;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace MagicHour.Runtime.Tests;

/// <summary>Multipart, url-encoded and streamed request bodies; text and binary responses; over real HTTP.</summary>
public sealed class ContentTests
{
    [Fact]
    public async Task A_multipart_upload_arrives_with_its_text_and_file_parts()
    {
        IFormCollection? received = null;
        string? fileText = null;
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            received = await context.Request.ReadFormAsync();
            using var reader = new StreamReader(received.Files["image"]!.OpenReadStream());
            fileText = await reader.ReadToEndAsync();
            await context.Response.WriteAsync("stored");
        });
        using ApiPipeline pipeline = server.Pipeline();
        using var picture = new MemoryStream(Encoding.UTF8.GetBytes("PNG bytes"));
        var form = new FormBody();
        form.AddFile("image", new FilePart(picture, "cat.png", "image/png"));
        form.Add("description", "a cat");
        form.Add("tags", "cute");
        form.Add("tags", "small");
        form.Add("missing", null);
        var request = new ApiRequest(HttpMethod.Post, "/pets/7/image", "uploadImage");
        request.SetMultipartBody(form);
        request.Accept = "text/plain";

        string answer = await pipeline.SendForStringAsync(request);

        Assert.Equal("stored", answer);
        Assert.NotNull(received);
        Assert.Equal("a cat", received["description"]);
        Assert.Equal(new[] { "cute", "small" }, received["tags"].ToArray());
        Assert.False(received.ContainsKey("missing"));
        IFormFile file = Assert.Single(received.Files);
        Assert.Equal("cat.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal("PNG bytes", fileText);
        Assert.True(picture.CanRead, "The caller's stream is left open.");
        Assert.False(request.IsBodyReplayable);
    }

    [Fact]
    public async Task A_url_encoded_form_arrives_and_is_retried_like_json_after_a_503()
    {
        var bodies = new List<string>();
        int calls = 0;
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            lock (bodies)
            {
                bodies.Add($"{context.Request.ContentType}|{form["username"]}|{form["password"]}");
            }

            context.Response.StatusCode = Interlocked.Increment(ref calls) == 1 ? 503 : 200;
            await context.Response.WriteAsync("token");
        });
        using ApiPipeline pipeline = server.Pipeline();
        var fields = new FormBody();
        fields.Add("username", "ada");
        fields.Add("password", "p&ss word");
        var request = new ApiRequest(HttpMethod.Post, "/login", "login");
        request.SetFormUrlEncodedBody(fields);

        Assert.Equal("token", await pipeline.SendForStringAsync(request));
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.Equal("application/x-www-form-urlencoded|ada|p&ss word", b));
    }

    [Fact]
    public async Task A_multipart_form_of_text_fields_is_retried_after_a_503_with_the_boundary_its_header_names()
    {
        var descriptions = new List<string?>();
        int calls = 0;
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            // ReadFormAsync finds the parts by the boundary in Content-Type; a body with another boundary has none.
            IFormCollection form = await context.Request.ReadFormAsync();
            lock (descriptions)
            {
                descriptions.Add(form["description"]);
            }

            context.Response.StatusCode = Interlocked.Increment(ref calls) == 1 ? 503 : 200;
            await context.Response.WriteAsync("stored");
        });
        using ApiPipeline pipeline = server.Pipeline();
        var form = new FormBody();
        form.Add("description", "a cat");
        var request = new ApiRequest(HttpMethod.Post, "/pets/7/notes", "addNote");
        request.SetMultipartBody(form);

        Assert.Equal("stored", await pipeline.SendForStringAsync(request));
        Assert.Equal(["a cat", "a cat"], descriptions);
    }

    [Fact]
    public async Task A_stream_body_is_streamed_and_not_retried_after_a_503_that_came_after_sending()
    {
        const int size = 1 << 20;
        long receivedBytes = 0;
        string? transferEncoding = null;
        string? contentType = null;
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            transferEncoding = context.Request.Headers.TransferEncoding;
            contentType = context.Request.ContentType;
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                Interlocked.Add(ref receivedBytes, read);
            }

            context.Response.StatusCode = 503;
        });
        using ApiPipeline pipeline = server.Pipeline();
        using var body = new ForwardOnlyStream(new MemoryStream(new byte[size]));
        var request = new ApiRequest(HttpMethod.Put, "/files/big.bin", "putFile");
        request.SetStreamBody(body, "application/octet-stream");

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => pipeline.SendAsync(request));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(size, Interlocked.Read(ref receivedBytes));
        Assert.Equal("chunked", transferEncoding);
        Assert.Equal("application/octet-stream", contentType);
    }

    [Fact]
    public async Task A_redirect_that_would_resend_a_stream_body_already_read_is_not_followed()
    {
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = "/elsewhere";
        });
        using ApiPipeline pipeline = server.Pipeline();
        var request = new ApiRequest(HttpMethod.Post, "/files", "putFile");
        request.SetStreamBody(new ForwardOnlyStream(new MemoryStream(new byte[16])), "image/png");
        Assert.True(request.CanResendBody);

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => pipeline.SendAsync(request));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.False(request.CanResendBody);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_text_response_reads_as_a_string_and_asks_for_text()
    {
        string? accept = null;
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "text/csv; charset=utf-8";
            await context.Response.WriteAsync("name,city\nZoë,Zürich\n");
        });
        using ApiPipeline pipeline = server.Pipeline();
        var request = new ApiRequest(HttpMethod.Get, "/report", "getReport") { Accept = "text/csv" };

        string text = await pipeline.SendForStringAsync(request);

        Assert.Equal("name,city\nZoë,Zürich\n", text);
        Assert.Equal("text/csv", accept);
    }

    [Fact]
    public async Task A_binary_response_streams_before_the_body_is_complete_and_disposing_it_releases_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = 8;
            await context.Response.Body.WriteAsync(new byte[] { 1, 2, 3, 4 });
            await context.Response.Body.FlushAsync();
            try
            {
                // The rest never comes: the client has to stream, and to let go by disposing.
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.TrySetResult();
            }
        });
        using ApiPipeline pipeline = server.Pipeline();
        var request = new ApiRequest(HttpMethod.Get, "/files/cat.png", "getFile") { Accept = "image/png" };

        BinaryResponse response = await pipeline.SendForBinaryAsync(request).WaitAsync(TimeSpan.FromSeconds(10));
        var first = new byte[4];
        await response.Content.ReadExactlyAsync(first).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, first);
        Assert.Equal("image/png", response.ContentType);
        Assert.Equal(8, response.Length);
        await response.DisposeAsync();
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A stream that cannot seek nor tell its length, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
