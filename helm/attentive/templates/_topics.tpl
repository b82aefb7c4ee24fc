{{/*
The topic-creation Job (rendered by topics-job.yaml as a pre-install/pre-upgrade hook). Kept as a named
template so the chart's tests can render it: helm template (through helm-java) leaves hooks out.
*/}}
{{- define "attentive.topicsJob" -}}
{{- $t := .Values.topics }}
# Runs before the services start (pre-install / pre-upgrade), so the Secret and ServiceAccount of this
# release may not exist yet: the Job uses only its own values.
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "attentive.fullname" . }}-create-topics
  labels:
    {{- include "attentive.componentLabels" (dict "root" . "component" "topics") | nindent 4 }}
  annotations:
    "helm.sh/hook": pre-install,pre-upgrade
    "helm.sh/hook-weight": "-5"
    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ $t.createJob.backoffLimit }}
  {{- with $t.createJob.activeDeadlineSeconds }}
  activeDeadlineSeconds: {{ . }}
  {{- end }}
  template:
    metadata:
      labels:
        {{- include "attentive.selectorLabels" (dict "root" . "component" "topics") | nindent 8 }}
    spec:
      restartPolicy: OnFailure
      {{- with $t.createJob.serviceAccountName }}
      serviceAccountName: {{ . }}
      {{- end }}
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $t.createJob.podSecurityContext | nindent 8 }}
      containers:
        - name: create-topics
          image: "{{ $t.createJob.image.repository }}:{{ $t.createJob.image.tag }}"
          imagePullPolicy: {{ $t.createJob.image.pullPolicy }}
          command:
            - /bin/sh
            - -ec
            - |
              for topic in {{ join " " $t.names }}; do
                config=""
                for compacted in {{ join " " ($t.compacted | default list) }}; do
                  if [ "${topic}" = "${compacted}" ]; then config="--config cleanup.policy=compact"; fi
                done
                echo "creating ${topic} (partitions {{ $t.partitions }}, replication {{ $t.replicationFactor }}) if missing"
                {{ $t.createJob.kafkaTopicsScript }} --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" \
                  {{- range $t.createJob.extraArgs }} {{ . }}{{ end }} \
                  --create --if-not-exists --topic "${topic}" ${config} \
                  --partitions {{ $t.partitions }} --replication-factor {{ $t.replicationFactor }}
              done
          env:
            - name: KAFKA_BOOTSTRAP_SERVERS
              value: {{ include "attentive.kafkaBootstrapServers" . | quote }}
            # kafka-run-class.sh creates its log directory; the root filesystem is read-only.
            - name: LOG_DIR
              value: /tmp/kafka-logs
          resources:
            {{- toYaml $t.createJob.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ required "tmpDir.sizeLimit is required: /tmp must not grow without bound" .Values.tmpDir.sizeLimit }}
{{- end }}
