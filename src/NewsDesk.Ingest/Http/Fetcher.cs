using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace NewsDesk.Ingest.Http;

/// <summary>A downloaded response body, kept in a temporary file (deleted on dispose) so it can be read twice.</summary>
public sealed class FetchedResource : IDisposable
{
    public required Uri Url { get; init; }

    public int Status { get; init; }

    public bool NotModified { get; init; }

    public string? File { get; init; }

    public string? MediaType { get; init; }

    public string? Charset { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public void Dispose()
    {
        if (File is not null)
        {
            try
            {
                System.IO.File.Delete(File);
            }
            catch (IOException)
            {
                // Best effort: the OS cleans its temp folder.
            }
        }
    }
}

/// <summary>A fetch that failed; the message is one line (status, limit, refusal or timeout).</summary>
public sealed class FetchException : Exception
{
    public FetchException(string message, int? status = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    public FetchException()
    {
    }

    public FetchException(string message)
        : base(message)
    {
    }

    public FetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? Status { get; }
}

/// <summary>
/// Fetches feeds and pages safely: http(s) only, redirects followed by hand up to a limit (each hop passes the
/// SSRF guard again at connect time), conditional GET, a byte cap on the (decompressed) body, and one deadline
/// for the whole fetch. Retries with backoff and per-attempt timeouts come from the client's resilience pipeline.
/// </summary>
public sealed class Fetcher(IHttpClientFactory clients, IOptions<IngestHttpOptions> options)
{
    public const string ClientName = "NewsDesk.Ingest";

    private const string Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    public async Task<FetchedResource> FetchAsync(Uri url, string? etag = null, string? lastModified = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var client = clients.CreateClient(ClientName);
        try
        {
            var current = url;
            for (var hop = 0; ; hop++)
            {
                if (!current.IsAbsoluteUri || current.Scheme is not ("http" or "https"))
                {
                    throw new FetchException($"only http and https URLs can be fetched, not {current.Scheme}:");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", settings.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", Accept);
                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        throw new FetchException($"HTTP {status} redirect without a Location", status);
                    }

                    if (hop >= settings.MaxRedirects)
                    {
                        throw new FetchException($"more than {settings.MaxRedirects} redirects (last to {Shorten(current)})", status);
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                if (status == 304)
                {
                    return new FetchedResource { Url = current, Status = status, NotModified = true, ETag = etag, LastModified = lastModified };
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchException($"HTTP {status} {response.ReasonPhrase}".TrimEnd(), status);
                }

                var limit = settings.MaxResponseBytes;
                if (response.Content.Headers.ContentLength is { } length && length > limit)
                {
                    throw new FetchException($"the response is {length:N0} bytes, over the {limit:N0}-byte limit", status);
                }

                var file = Path.Combine(TempDirectory(), Guid.NewGuid().ToString("N"));
                try
                {
                    await using (var body = await response.Content.ReadAsStreamAsync(deadline.Token))
                    await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    {
                        await CopyLimitedAsync(body, output, limit, deadline.Token);
                    }
                }
                catch
                {
                    File.Delete(file);
                    throw;
                }

                var contentType = response.Content.Headers.ContentType;
                return new FetchedResource
                {
                    Url = current,
                    Status = status,
                    File = file,
                    MediaType = contentType?.MediaType,
                    Charset = contentType?.CharSet,
                    ETag = response.Headers.ETag?.ToString(),
                    LastModified = response.Content.Headers.LastModified?.ToString("R"),
                };
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchException($"no complete response within {settings.TimeoutSeconds} s");
        }
        catch (TimeoutRejectedException ex)
        {
            throw new FetchException($"no response within {settings.AttemptTimeoutSeconds} s", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException(Describe(ex), (int?)ex.StatusCode, ex);
        }
    }

    internal static string TempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "newsdesk-ingest");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static async Task CopyLimitedAsync(Stream body, Stream output, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new FetchException($"the response is over the {limit:N0}-byte limit");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static string Describe(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AddressRefusedException refused:
                    return refused.Message;
                case SocketException socket:
                    return "cannot connect: " + socket.Message;
            }
        }

        return Feeds.FeedParser.OneLine(ex.Message);
    }

    private static string Shorten(Uri url)
    {
        var text = url.ToString();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
