using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsDesk.Ingest.Http;
using NewsDesk.Ingest.Pipeline;
using NewsDesk.Ingest.Polling;
using NewsDesk.Ingest.Seeding;
using Polly;

namespace NewsDesk.Ingest;

public static class ServiceCollectionExtensions
{
    /// <summary>Parsers, the ingest pipeline (<see cref="IngestService"/>), the feed poller and the seeder. Needs <c>AddNewsDeskCore</c>.</summary>
    public static IServiceCollection AddNewsDeskIngest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestHttpOptions>().Bind(configuration.GetSection(IngestHttpOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.AttemptTimeoutSeconds <= o.TimeoutSeconds, "Ingest:Http:AttemptTimeoutSeconds must not exceed TimeoutSeconds.")
            .ValidateOnStart();
        services.AddOptions<IngestPollingOptions>().Bind(configuration.GetSection(IngestPollingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SeedImporter>();
        services.AddSingleton<ArticleWriter>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<Fetcher>();
        services.AddSingleton<FeedPoller>();

        services.AddHttpClient(Fetcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var http = provider.GetRequiredService<IOptions<IngestHttpOptions>>().Value;
                return new SocketsHttpHandler
                {
                    // Redirects are followed by Fetcher so that each hop is counted and checked.
                    AllowAutoRedirect = false,
                    // A proxy would connect for us and bypass the address check.
                    UseProxy = false,
                    UseCookies = false,
                    AutomaticDecompression = DecompressionMethods.All,
                    ConnectTimeout = TimeSpan.FromSeconds(Math.Min(15, http.AttemptTimeoutSeconds)),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    MaxResponseHeadersLength = 64,
                    ConnectCallback = new AddressGuard(http.AllowPrivateAddresses).ConnectAsync,
                };
            })
            .AddResilienceHandler("fetch", (pipeline, context) =>
            {
                var http = context.ServiceProvider.GetRequiredService<IOptions<IngestHttpOptions>>().Value;
                if (http.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = http.MaxRetries,
                        Delay = TimeSpan.FromMilliseconds(http.RetryDelayMilliseconds),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        // Transient failures only (5xx, 408, 429, connection errors, attempt timeouts); never a refused address.
                        ShouldHandle = args => ValueTask.FromResult(
                            HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Exception is not AddressRefusedException
                            && args.Outcome.Exception?.InnerException is not AddressRefusedException),
                    });
                }

                pipeline.AddTimeout(TimeSpan.FromSeconds(http.AttemptTimeoutSeconds));
            });
        return services;
    }

    /// <summary>The background poller of feed sources (web host only); it does nothing while <c>Ingest:Polling:Enabled</c> is false.</summary>
    public static IServiceCollection AddNewsDeskFeedPolling(this IServiceCollection services)
    {
        services.AddHostedService<FeedPollingService>();
        return services;
    }
}
