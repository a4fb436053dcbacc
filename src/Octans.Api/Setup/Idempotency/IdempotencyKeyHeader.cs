using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Octans.Api.Setup.Idempotency;

/// <summary>Tells the API description that every write <see cref="IdempotentWrites"/> applies to takes an Idempotency-Key.</summary>
public sealed class IdempotencyKeyHeader : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var description = context.Description;
        if (string.Equals(description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
            && description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
            && !description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentWrites.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Up to 200 printable characters, new for each change. Sent again by the same user with the same body within "
                    + "24 hours, the request gets the first answer again and changes nothing; with a different body it is a 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotentWrites.LongestKey },
            });
        }
        return Task.CompletedTask;
    }
}
