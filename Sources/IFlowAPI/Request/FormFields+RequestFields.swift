import IFlowCore

extension FormFields {
    /// The decoded fields for a request type's `parse` (IFlowCore reads them through `RequestFields`).
    var requestFields: RequestFields { RequestFields(values) }
}
