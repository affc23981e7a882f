using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Data;
using NewsDesk.TestSupport;
using NewsDesk.TestSupport.Sample;

namespace NewsDesk.IntegrationTests.Reading;

/// <summary>The real app on its own store, with the seed story and the <see cref="SampleNewsroom"/> added after start.</summary>
public sealed class ReadingApp : NewsDeskAppFactory, IAsyncLifetime
{
    /// <summary>The story in <c>seeds/</c>, imported and tagged by the real tagger at start (Japan, Vietnam, Eastern
    /// Asia, cyber security among others; see <c>SeedTaggingTests</c>). Dated 2021, it is the oldest story in every list.</summary>
    public const string SeedHeadline = "Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression";

    public SampleNewsroom Sample { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        CreateClient().Dispose();
        // The sample arrives once the app has finished starting, warm-up included, so each test starts from a settled
        // cache. (Writes overlapping the warm-up once exposed a race in ContentVersion; ContentVersionTests covers it.)
        await Services.GetRequiredService<NewsDesk.Reading.ReadingWarmup>().Begin();
        await using var scope = Services.CreateAsyncScope();
        Sample = await SampleNewsroom.CreateAsync(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>(), DateTime.UtcNow);
    }

    /// <summary>Runs <paramref name="write"/> on a context of the app's own container (an in-process writer, like the desk).</summary>
    public async Task WriteAsync(Func<NewsDeskDbContext, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var scope = Services.CreateAsyncScope();
        await write(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>());
    }

    /// <summary>Runs a read against the app's store, for tests whose expectations depend on the synced taxonomy.</summary>
    public async Task<T> ReadAsync<T>(Func<NewsDeskDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>());
    }

    ValueTask IAsyncDisposable.DisposeAsync() => base.DisposeAsync();
}
