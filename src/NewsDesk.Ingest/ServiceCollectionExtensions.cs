using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Ingest.Seeding;

namespace NewsDesk.Ingest;

public static class ServiceCollectionExtensions
{
    /// <summary>Parsers, the ingest pipeline and the seeder. Needs <c>AddNewsDeskCore</c>.</summary>
    public static IServiceCollection AddNewsDeskIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SeedImporter>();
        return services;
    }
}
