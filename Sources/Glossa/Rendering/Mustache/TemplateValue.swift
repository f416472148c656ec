/// What a Mustache tag can find in the page context.
///
/// A closed set of cases lets the engine decide how to show or loop over a value with one
/// `switch`; swift-mustache answered the same questions with a chain of dynamic casts that cost
/// more than the rest of the build together. Numbers are kept as their text: Mustache only prints
/// them, and every non-nil value but `false` and an empty list opens a section.
public enum TemplateValue {
    case bool(Bool)
    case text(String)
    case object(any TemplateObject)
    case list(any TemplateList)
}

/// A context with named fields: `{{page.title}}` asks `page` for `title`.
public protocol TemplateObject {
    /// The field called `key`, or nil when there is no such field or it has no value, in which
    /// case the lookup goes on down the context stack.
    func templateField(_ key: String) -> TemplateValue?

    /// Where a dotted name such as `site.title` leads inside this object.
    ///
    /// Looking up `site` as a `TemplateValue` first would copy the whole site context into an
    /// existential box for every `{{site.…}}` on every page; the generated contexts follow the
    /// path through their stored fields instead.
    func templateLookup(_ path: ArraySlice<String>) -> TemplateLookup
}

/// The outcome of following a dotted name inside one context.
public enum TemplateLookup {
    /// The first part is not a field here, so the lookup goes on down the context stack.
    case notHere
    /// The first part is a field here; the value the rest of the path leads to, if any. A
    /// name whose first part is found never looks further down the stack, as the spec says.
    case found(TemplateValue?)
}

extension TemplateObject {
    public func templateLookup(_ path: ArraySlice<String>) -> TemplateLookup {
        guard let first = path.first, let value = templateField(first) else { return .notHere }
        return .found(value.descending(into: path.dropFirst()))
    }
}

extension TemplateValue {
    /// The value each further part of a dotted name leads to, field by field.
    func descending(into parts: ArraySlice<String>) -> TemplateValue? {
        var value = self
        for part in parts {
            guard case .object(let object) = value, let child = object.templateField(part) else { return nil }
            value = child
        }
        return value
    }
}

/// A sequence a section loops over.
public protocol TemplateList {
    var templateCount: Int { get }
    func templateElement(at index: Int) -> TemplateValue?
}

/// A Swift value that a template context can hold.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue? { get }
    /// Where the rest of a dotted name leads inside this value (itself when `rest` is empty);
    /// `.notHere` when this value is nil, which Mustache treats as a missing field.
    func templateLookup(following rest: ArraySlice<String>) -> TemplateLookup
}

extension TemplateValueConvertible {
    public func templateLookup(following rest: ArraySlice<String>) -> TemplateLookup {
        guard let value = templateValue else { return .notHere }
        return .found(rest.isEmpty ? value : value.descending(into: rest))
    }
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .text(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .bool(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .text(String(self)) }
}

extension Double: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .text(String(self)) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    public var templateValue: TemplateValue? { self?.templateValue }
    public func templateLookup(following rest: ArraySlice<String>) -> TemplateLookup { self?.templateLookup(following: rest) ?? .notHere }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .list(self) }
}

extension Array: TemplateList where Element: TemplateValueConvertible {
    public var templateCount: Int { count }
    public func templateElement(at index: Int) -> TemplateValue? { self[index].templateValue }
}

extension Dictionary: TemplateValueConvertible where Key == String, Value: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .object(self) }
}

extension Dictionary: TemplateObject where Key == String, Value: TemplateValueConvertible {
    public func templateField(_ key: String) -> TemplateValue? { self[key]?.templateValue }
}

extension TemplateObject where Self: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .object(self) }
}
