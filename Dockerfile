# One image for web and worker (the worker runs TypeScript through tsx, so dev dependencies stay).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# npm install rather than ci: the lock file is written where other platforms' optional binaries are absent.
RUN npm install --include=dev --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production
EXPOSE 3000
CMD ["npm", "start"]
