using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Samverkan.ServiceDefaults.Json;

/// <summary>
/// Refuses <c>null</c> inside a list whose elements are declared non-nullable
/// (<c>List&lt;Participant&gt;</c>, <c>string[]</c>), naming the element: <c>"participants":[null]</c>
/// is a 400 at <c>participants[0]</c>, never a null the handler trips over. System.Text.Json's
/// own RespectNullableAnnotations does not look at collection elements (and would also fail
/// responses), so this checks each object once it is read.
/// </summary>
internal static class NonNullElements
{
    public static void Refuse(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var nullability = new NullabilityInfoContext();
        var lists = typeInfo.Properties.Where(property => property.Get is not null && HoldsNonNullableElements(property, nullability)).ToArray();
        if (lists.Length == 0)
        {
            return;
        }
        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var list in lists)
            {
                if (list.Get!(value) is IEnumerable elements && IndexOfNull(elements) is { } index)
                {
                    throw new JsonFieldException("An element of this list cannot be null.", $"{list.Name}[{index}]");
                }
            }
        };
    }

    private static bool HoldsNonNullableElements(JsonPropertyInfo property, NullabilityInfoContext nullability)
    {
        var info = property.AttributeProvider switch
        {
            PropertyInfo member => nullability.Create(member),
            FieldInfo member => nullability.Create(member),
            _ => null,
        };
        var element = info switch
        {
            { ElementType: { } arrayElement } => arrayElement,
            { Type.IsGenericType: true, GenericTypeArguments: [var only] } when typeof(IEnumerable<>).MakeGenericType(only.Type).IsAssignableFrom(info.Type) => only,
            _ => null,
        };
        return element is { Type.IsValueType: false, ReadState: NullabilityState.NotNull };
    }

    private static int? IndexOfNull(IEnumerable elements)
    {
        var index = 0;
        foreach (var element in elements)
        {
            if (element is null)
            {
                return index;
            }
            index++;
        }
        return null;
    }
}
