using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Reading.Markdown;

namespace NewsDesk.Reading;

public static class ServiceCollectionExtensions
{
    /// <summary>The public reading view: its pages, layout and static assets come with this library.</summary>
    public static IServiceCollection AddNewsDeskReading(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        return services;
    }
}
