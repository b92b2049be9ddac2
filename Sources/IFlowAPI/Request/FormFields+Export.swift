// Body decoding lives in its own module so that the fuzz target builds without the server; every file of the API
// keeps seeing `FormFields` as before.
@_exported import IFlowForms
