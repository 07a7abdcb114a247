module gotmpl/oracle

go 1.27
